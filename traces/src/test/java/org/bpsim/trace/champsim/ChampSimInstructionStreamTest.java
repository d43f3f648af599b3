package org.bpsim.trace.champsim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.bpsim.trace.BranchBatch;
import org.bpsim.trace.InstructionStream;
import org.bpsim.trace.TraceOpener;
import org.bpsim.trace.SharedMaterial;
import org.bpsim.trace.TraceReader;
import org.junit.jupiter.api.Test;

final class ChampSimInstructionStreamTest {
  private static final long PREFIX = 300_000;

  /** The instruction stream sees the same branches, at the same positions, as the branch reader. */
  @Test
  void agreesWithTheBranchReaderOnTheSharedTrace() throws IOException {
    Path trace = SharedMaterial.traceOrSkip("champsim/bzip2.champsimtrace.xz");
    long loads = 0;
    long stores = 0;
    try (TraceReader branches = TraceOpener.branches(trace);
        InstructionStream stream = TraceOpener.instructions(trace)) {
      BranchBatch batch = new BranchBatch();
      int n = branches.read(batch);
      int i = 0;
      while (stream.next() && stream.instructions() <= PREFIX) {
        if (stream.isLoad()) {
          loads++;
        }
        if (stream.isStore()) {
          stores++;
        }
        if (stream.branchKind() == null) {
          continue;
        }
        if (i == n) {
          n = branches.read(batch);
          i = 0;
        }
        String where = "instruction " + stream.instructions();
        assertEquals(batch.position[i], stream.instructions(), where);
        assertEquals(batch.pc[i], stream.pc(), where);
        assertEquals(batch.kindAt(i), stream.branchKind(), where);
        assertEquals(batch.taken[i], stream.taken(), where);
        assertEquals(batch.target[i], stream.target(), where);
        i++;
      }
    }
    assertTrue(loads > PREFIX / 10 && stores > PREFIX / 20, loads + " loads, " + stores
        + " stores");
  }
}
