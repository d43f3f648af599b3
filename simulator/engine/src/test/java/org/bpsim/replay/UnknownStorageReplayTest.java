package org.bpsim.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.bpsim.predictor.spi.BranchKind;
import org.bpsim.predictor.spi.BranchPredictor;
import org.bpsim.trace.BranchRecord;
import org.bpsim.trace.Compression;
import org.bpsim.trace.TraceWriter;
import org.bpsim.trace.bt9.Bt9TraceWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A predictor may say it cannot tell its storage ({@link BranchPredictor#UNKNOWN_STORAGE}): its
 * row then carries {@link RunResult#UNKNOWN_STORAGE} (the two are one value) and is not failed;
 * any other negative storage still fails the predictor.
 */
final class UnknownStorageReplayTest {
  @TempDir
  Path folder;

  private static BranchPredictor reporting(long storage) {
    return new BranchPredictor() {
      @Override
      public boolean predict(long pc) {
        return true;
      }

      @Override
      public void update(long pc, long target, BranchKind kind, boolean taken) {
      }

      @Override
      public long storageBits() {
        return storage;
      }
    };
  }

  @Test
  void unknownIsCarriedAndAnyOtherNegativeFails() throws IOException {
    assertEquals(BranchPredictor.UNKNOWN_STORAGE, RunResult.UNKNOWN_STORAGE);
    Path trace = folder.resolve("t.bt9.trace");
    try (TraceWriter writer = new Bt9TraceWriter(trace, Compression.NONE)) {
      for (int i = 0; i < 50; i++) {
        writer.write(BranchRecord.of(0x1000 + 4 * (i % 5), 0x2000, BranchKind.CONDITIONAL,
            i % 3 == 0, 10L * (i + 1)));
      }
    }
    List<RunResult> rows = new Replay(trace, "t", null, ReplayOptions.WHOLE_TRACE)
        .run(List.of("unknown", "known", "negative"), List.of(
            reporting(BranchPredictor.UNKNOWN_STORAGE), reporting(4096), reporting(-5)));
    assertNull(rows.get(0).failure());
    assertFalse(rows.get(0).storageKnown());
    assertEquals(4096, rows.get(1).storageBits());
    assertTrue(rows.get(2).failed());
    assertTrue(rows.get(2).failure().contains("negative storage of -5 bits"),
        rows.get(2).failure());
  }
}
