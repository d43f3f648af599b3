package org.bpsim.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bpsim.trace.BranchBatch;
import org.bpsim.trace.bpt.BptChunkCodec;
import org.bpsim.trace.bpt.BptLayout;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How fast {@code .bpt} chunks decode into replay batches, from memory (so the figure is the
 * decoder's, not the disk's). One invocation decodes one chunk of 8,192 branches; the
 * {@code branches} counter is the rate. {@code decodeOneThread} is one core;
 * {@code decodeTwoThreads} decodes different chunks on two threads, as the format allows.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class BptDecodeBenchmark {

  /** The encoded chunks of a real trace, shared by all threads (read-only). */
  @State(Scope.Benchmark)
  public static class Chunks {
    @Param({"cbp2016/SHORT_MOBILE-1.bt9.trace.gz"})
    public String trace;

    final List<byte[]> payloads = new ArrayList<>();
    final List<Integer> lengths = new ArrayList<>();
    final List<Integer> counts = new ArrayList<>();
    final List<Long> bases = new ArrayList<>();

    @Setup
    public void encode() {
      long base = 0;
      for (BranchBatch batch : BenchmarkTraces.predecode(BenchmarkTraces.resolve(trace),
          4_000_000)) {
        byte[] payload = new byte[batch.size() * BptLayout.MAX_RECORD_BYTES
            + BptChunkCodec.PADDING];
        int length = BptChunkCodec.encode(batch, 0, batch.size(), base, payload);
        payloads.add(payload);
        lengths.add(length);
        counts.add(batch.size());
        bases.add(base);
        base = batch.position[batch.size() - 1];
      }
    }
  }

  /** Each thread's own batch and place in the chunk list. */
  @State(Scope.Thread)
  public static class Cursor {
    final BranchBatch batch = new BranchBatch();
    int next;
  }

  /** Branches decoded, reported by JMH as a rate. */
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  @State(Scope.Thread)
  public static class Decoded {
    public long branches;
  }

  private static int decodeNext(Chunks chunks, Cursor cursor, Decoded decoded) {
    int i = cursor.next;
    cursor.next = i + 1 == chunks.payloads.size() ? 0 : i + 1;
    int count = chunks.counts.get(i);
    int bad = BptChunkCodec.decode(chunks.payloads.get(i), chunks.lengths.get(i), count,
        chunks.bases.get(i), cursor.batch);
    decoded.branches += count;
    return bad;
  }

  @Benchmark
  @Threads(1)
  public int decodeOneThread(Chunks chunks, Cursor cursor, Decoded decoded) {
    return decodeNext(chunks, cursor, decoded);
  }

  @Benchmark
  @Threads(2)
  public int decodeTwoThreads(Chunks chunks, Cursor cursor, Decoded decoded) {
    return decodeNext(chunks, cursor, decoded);
  }
}
