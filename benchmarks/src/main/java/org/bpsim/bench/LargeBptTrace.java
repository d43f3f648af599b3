package org.bpsim.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Locale;
import org.bpsim.trace.BranchBatch;
import org.bpsim.trace.bpt.BptWriter;

/**
 * Makes a very large {@code .bpt} trace for memory and throughput checks by replaying a real
 * trace's branches over and over, positions continuing, until the requested count is reached:
 * {@code java -cp benchmarks/target/benchmarks.jar org.bpsim.bench.LargeBptTrace SOURCE OUT.bpt
 * BRANCHES}.
 */
public final class LargeBptTrace {
  private LargeBptTrace() {
  }

  public static void main(String[] args) throws IOException {
    if (args.length != 3) {
      System.err.println("usage: LargeBptTrace SOURCE OUT.bpt BRANCHES");
      System.exit(2);
    }
    Path source = BenchmarkTraces.resolve(args[0]);
    long wanted = Long.parseLong(args[2]);
    List<BranchBatch> batches = BenchmarkTraces.predecode(source, 20_000_000);
    long written = 0;
    long offset = 0;
    long lastPosition = 0;
    BranchBatch shifted = new BranchBatch();
    try (OutputStream out = Files.newOutputStream(Paths.get(args[1]));
        BptWriter writer = new BptWriter(out, "repeated " + source.getFileName(), true, -1)) {
      while (written < wanted) {
        for (BranchBatch batch : batches) {
          shifted.clear();
          int n = (int) Math.min(batch.size(), wanted - written);
          for (int i = 0; i < n; i++) {
            shifted.add(batch.pc[i], batch.target[i], batch.kindAt(i), batch.taken[i],
                batch.position[i] + offset);
          }
          writer.write(shifted);
          written += n;
          lastPosition = shifted.position[n - 1];
          if (written == wanted) {
            break;
          }
        }
        offset = lastPosition;
      }
      writer.finish(lastPosition);
    }
    System.err.printf(Locale.ROOT, "wrote %,d branches to %s%n", written, args[1]);
  }
}
