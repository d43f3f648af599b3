package org.bpsim.predictor.cbpnative;

import java.io.IOException;
import java.nio.file.Path;
import org.bpsim.predictor.spi.BranchKind;
import org.bpsim.predictor.spi.StagedBranchPredictor;

/**
 * A CBP-2025 predictor in its child process, driven by a timing model at the kit's pipeline
 * points: a prediction at fetch is a round trip; the history updates and trainings wait in the
 * request buffer and go with the next prediction, so the child sees every call in bpsim's
 * order.
 */
final class StagedNativePredictor extends NativePredictor implements StagedBranchPredictor {
  StagedNativePredictor(Path program, String what, long storageBits) throws IOException {
    super(program, what, storageBits);
  }

  @Override
  public boolean predictAtFetch(long seqNo, long pc) {
    return ask('F', seqNo, pc);
  }

  @Override
  public void specUpdate(long seqNo, long pc, BranchKind kind, boolean predicted, boolean taken,
      long nextPc) {
    message('S', seqNo, pc, nextPc, kind.code() | (taken ? 16 : 0) | (predicted ? 32 : 0));
  }

  @Override
  public void resolveAtExecute(long seqNo, long pc, boolean taken, boolean predicted,
      long nextPc) {
    message('X', seqNo, pc, nextPc,
        BranchKind.CONDITIONAL.code() | (taken ? 16 : 0) | (predicted ? 32 : 0));
  }

  private void message(char tag, long seqNo, long pc, long nextPc, int flags) {
    byte[] r = buffer();
    r[0] = (byte) tag;
    putLong(r, 1, seqNo);
    putLong(r, 9, pc);
    putLong(r, 17, nextPc);
    r[25] = (byte) flags;
    send(r, 26);
  }
}
