package org.bpsim.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.bpsim.trace.BranchBatch;
import org.bpsim.trace.TraceReader;
import org.bpsim.trace.TraceOpener;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Decoding speed of each reader, decompression included, as branches per second: one invocation
 * decodes one batch, and the trace is reopened whenever it runs out. The {@code branches} counter
 * is the figure to read.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(1)
@State(Scope.Thread)
public class TraceReaderBenchmark {

  @Param({"cbp2016/SHORT_MOBILE-1.bt9.trace.gz", "champsim/bzip2.champsimtrace.xz",
      "cbp1/int_1.bz2", "cse240a/x264.bz2"})
  public String trace;

  private Path path;
  private TraceReader reader;
  private final BranchBatch batch = new BranchBatch();

  /** Branches decoded, reported by JMH as a rate. */
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  @State(Scope.Thread)
  public static class Decoded {
    public long branches;
  }

  @Setup(Level.Trial)
  public void open() throws IOException {
    path = BenchmarkTraces.resolve(trace);
    reader = TraceOpener.branches(path);
  }

  @TearDown(Level.Trial)
  public void close() throws IOException {
    reader.close();
  }

  @Benchmark
  public int decodeBatch(Decoded decoded) throws IOException {
    int n = reader.read(batch);
    if (n == 0) {
      reader.close();
      reader = TraceOpener.branches(path);
      n = reader.read(batch);
    }
    decoded.branches += n;
    return n;
  }
}
