package org.bpsim.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.bpsim.predictor.spi.BranchKind;
import org.bpsim.trace.BranchBatch;
import org.bpsim.trace.TraceReader;
import org.bpsim.trace.Traces;

/**
 * The first branches of a real trace, decoded once into primitive arrays so that benchmarks time
 * the predictors and not the decompression.
 */
final class DecodedTrace {
  final long[] pc;
  final long[] target;
  final BranchKind[] kind;
  final boolean[] taken;
  final int branches;

  private DecodedTrace(long[] pc, long[] target, BranchKind[] kind, boolean[] taken, int n) {
    this.pc = pc;
    this.target = target;
    this.kind = kind;
    this.taken = taken;
    this.branches = n;
  }

  /** The shared traces folder: {@code -Dbpsim.shared=...}, else {@code ../shared} or {@code ../../shared}. */
  static Path shared() {
    String property = System.getProperty("bpsim.shared");
    if (property != null) {
      return Path.of(property);
    }
    for (String candidate : new String[] {"../shared", "../../shared"}) {
      if (Files.isDirectory(Path.of(candidate))) {
        return Path.of(candidate);
      }
    }
    throw new IllegalStateException("shared traces not found: pass -Dbpsim.shared=<dir>");
  }

  /** Decodes branches of {@code trace} until {@code conditionals} conditional ones are in. */
  static DecodedTrace load(Path trace, int conditionals) throws IOException {
    int capacity = conditionals * 2;
    long[] pc = new long[capacity];
    long[] target = new long[capacity];
    BranchKind[] kind = new BranchKind[capacity];
    boolean[] taken = new boolean[capacity];
    int n = 0;
    int seen = 0;
    try (TraceReader reader = Traces.open(trace)) {
      BranchBatch batch = new BranchBatch();
      int read;
      outer:
      while ((read = reader.read(batch)) > 0) {
        for (int i = 0; i < read; i++) {
          if (n == capacity || seen == conditionals) {
            break outer;
          }
          pc[n] = batch.pc[i];
          target[n] = batch.target[i];
          kind[n] = BranchKind.ofCode(batch.kind[i]);
          taken[n] = batch.taken[i];
          if (kind[n] == BranchKind.CONDITIONAL) {
            seen++;
          }
          n++;
        }
      }
    }
    if (seen < conditionals) {
      throw new IllegalStateException(trace + " has only " + seen + " conditional branches");
    }
    return new DecodedTrace(Arrays.copyOf(pc, n), Arrays.copyOf(target, n),
        Arrays.copyOf(kind, n), Arrays.copyOf(taken, n), n);
  }
}
