package org.bpsim.job;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.bpsim.predictor.spi.BranchKind;
import org.bpsim.report.TraceSummary;
import org.bpsim.trace.BranchBatch;
import org.bpsim.trace.TraceReader;
import org.bpsim.trace.TraceOpener;

/** {@code bpsim info}: what a trace holds, read in one pass. */
public final class InfoJob {
  private InfoJob() {
  }

  public static TraceSummary describe(Path trace) throws IOException {
    long[] byKind = new long[BranchKind.values().length];
    long conditionalTaken = 0;
    LongSet pcs = new LongSet();
    try (TraceReader reader = TraceOpener.branches(trace)) {
      BranchBatch batch = new BranchBatch();
      int n;
      while ((n = reader.read(batch)) > 0) {
        for (int i = 0; i < n; i++) {
          byKind[batch.kind[i]]++;
          if (batch.kind[i] == BranchKind.CONDITIONAL.code() && batch.taken[i]) {
            conditionalTaken++;
          }
          pcs.add(batch.pc[i]);
        }
      }
      List<Long> counts = new ArrayList<>();
      for (long count : byKind) {
        counts.add(count);
      }
      return new TraceSummary(trace.toString(), reader.format().description(),
          reader.compression().displayName(), reader.hasInstructionCounts()
              ? OptionalLong.of(reader.instructionsRead()) : OptionalLong.empty(),
          reader.declaredInstructions(), counts, pcs.size(), conditionalTaken);
    }
  }

  /** Open-addressing set of longs: traces have millions of branches, boxing each would crawl. */
  static final class LongSet {
    private long[] slots = new long[1024];
    private boolean[] used = new boolean[1024];
    private int size;

    void add(long value) {
      if (size * 2 >= slots.length) {
        grow();
      }
      int mask = slots.length - 1;
      int i = (int) (mix(value) & mask);
      while (used[i]) {
        if (slots[i] == value) {
          return;
        }
        i = (i + 1) & mask;
      }
      used[i] = true;
      slots[i] = value;
      size++;
    }

    int size() {
      return size;
    }

    private void grow() {
      long[] oldSlots = slots;
      boolean[] oldUsed = used;
      slots = new long[oldSlots.length * 2];
      used = new boolean[oldSlots.length * 2];
      size = 0;
      for (int i = 0; i < oldSlots.length; i++) {
        if (oldUsed[i]) {
          add(oldSlots[i]);
        }
      }
    }

    private static long mix(long value) {
      long h = value * 0x9E3779B97F4A7C15L;
      return h ^ (h >>> 32);
    }
  }
}
