package org.bpsim.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import org.bpsim.trace.BranchBatch;
import org.bpsim.trace.TraceReader;
import org.bpsim.trace.TraceOpener;

/**
 * Where benchmark traces come from: a path given as a JMH parameter, resolved against the working
 * directory and then against the shared reference folder, so that {@code trace=cbp2016/...} works
 * from the project root.
 */
final class BenchmarkTraces {
  private BenchmarkTraces() {
  }

  static Path resolve(String trace) {
    Path direct = Paths.get(trace);
    if (Files.exists(direct)) {
      return direct;
    }
    String shared = System.getProperty("bpsim.shared", "../shared");
    Path underShared = Paths.get(shared, "traces", trace);
    if (Files.exists(underShared)) {
      return underShared;
    }
    throw new IllegalArgumentException("benchmark trace not found: " + trace + " (looked in . and "
        + Paths.get(shared, "traces") + "); pass -p trace=PATH");
  }

  /** Conditional branches in each batch, so a benchmark can report predictions per second. */
  static int[] conditionalCounts(List<BranchBatch> batches) {
    int[] counts = new int[batches.size()];
    byte conditional = org.bpsim.predictor.spi.BranchKind.CONDITIONAL.code();
    for (int b = 0; b < batches.size(); b++) {
      BranchBatch batch = batches.get(b);
      for (int i = 0; i < batch.size(); i++) {
        if (batch.kind[i] == conditional) {
          counts[b]++;
        }
      }
    }
    return counts;
  }

  /** Decodes up to {@code maxBranches} branches of a trace into batches kept in memory. */
  static List<BranchBatch> predecode(Path trace, long maxBranches) {
    List<BranchBatch> batches = new ArrayList<>();
    long total = 0;
    try (TraceReader reader = TraceOpener.branches(trace)) {
      while (total < maxBranches) {
        BranchBatch batch = new BranchBatch();
        int n = reader.read(batch);
        if (n == 0) {
          break;
        }
        batches.add(batch);
        total += n;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return batches;
  }
}
