package org.bpsim.predictor.cbpnative;

import java.io.IOException;
import java.nio.file.Path;
import org.bpsim.predictor.spi.BranchKind;
import org.bpsim.predictor.spi.MicroOp;
import org.bpsim.predictor.spi.PipelineHookedPredictor;

/**
 * A CBP-2025 predictor in its child process, driven by a timing model at the kit's pipeline
 * points: a prediction at fetch is a round trip; every other hook waits in the request buffer
 * and goes with the next prediction, so the child sees every call in bpsim's order. On the
 * kit's own model it takes every hook of the kit ({@link PipelineHookedPredictor}); on another
 * timing model the three staged calls of {@link org.bpsim.predictor.spi.StagedBranchPredictor}.
 */
final class StagedNativePredictor extends NativePredictor implements PipelineHookedPredictor {
  /** {@code 'i'}: the micro-op's description, sent with its fetch hook. */
  private static final int FETCH_BYTES = 57;
  private static final int NONE = 0xff;

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

  // The kit's hooks (bpsim_native_io.h has the layout of each message).

  @Override
  public void notifyInstrFetch(MicroOp op, long fetchCycle) {
    byte[] r = buffer();
    r[0] = 'i';
    putLong(r, 1, op.seqNo());
    r[9] = (byte) op.piece();
    putLong(r, 10, op.pc());
    putLong(r, 18, fetchCycle);
    r[26] = (byte) op.instClass();
    int sources = Math.min(3, op.sourceRegisters());
    r[27] = (byte) sources;
    for (int i = 0; i < 3; i++) {
      r[28 + i] = (byte) (i < sources ? op.sourceRegister(i) : NONE);
    }
    int destination = op.destinationRegister();
    r[31] = (byte) (destination < 0 ? NONE : destination);
    boolean memory = op.accessesMemory();
    putLong(r, 32, memory ? op.memoryAddress() : 0);
    putLong(r, 40, memory ? op.memoryBytes() : 0);
    r[48] = (byte) ((op.taken() ? 1 : 0) | (memory ? 2 : 0));
    putLong(r, 49, op.nextPc());
    send(r, FETCH_BYTES);
  }

  @Override
  public boolean getCondDirPrediction(long seqNo, int piece, long pc, long predictCycle) {
    byte[] r = buffer();
    r[0] = 'p';
    putLong(r, 1, seqNo);
    r[9] = (byte) piece;
    putLong(r, 10, pc);
    putLong(r, 18, predictCycle);
    return askBuffered(26);
  }

  @Override
  public void specUpdate(long seqNo, int piece, long pc, int instClass, boolean taken,
      boolean predicted, long nextPc) {
    byte[] r = buffer();
    r[0] = 's';
    putLong(r, 1, seqNo);
    r[9] = (byte) piece;
    putLong(r, 10, pc);
    r[18] = (byte) instClass;
    r[19] = (byte) ((taken ? 1 : 0) | (predicted ? 2 : 0));
    putLong(r, 20, nextPc);
    send(r, 28);
  }

  @Override
  public void notifyInstrDecode(long seqNo, int piece, long pc, long decodeCycle) {
    event('d', seqNo, piece, false, decodeCycle);
  }

  @Override
  public void notifyAgenComplete(long seqNo, int piece, long pc, long agenCycle) {
    event('a', seqNo, piece, false, agenCycle);
  }

  @Override
  public void notifyInstrExecuteResolve(long seqNo, int piece, long pc, boolean predicted,
      long executeCycle) {
    event('x', seqNo, piece, predicted, executeCycle);
  }

  @Override
  public void notifyInstrCommit(long seqNo, int piece, long pc, boolean predicted,
      long commitCycle) {
    event('c', seqNo, piece, predicted, commitCycle);
  }

  /** A later hook of a micro-op already described: the child keeps its pc and infos. */
  private void event(char tag, long seqNo, int piece, boolean predicted, long cycle) {
    byte[] r = buffer();
    r[0] = (byte) tag;
    putLong(r, 1, seqNo);
    r[9] = (byte) piece;
    r[10] = (byte) (predicted ? 1 : 0);
    putLong(r, 11, cycle);
    send(r, 19);
  }
}
