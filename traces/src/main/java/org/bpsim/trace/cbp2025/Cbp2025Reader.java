package org.bpsim.trace.cbp2025;

import java.io.IOException;

import org.bpsim.predictor.spi.BranchKind;
import org.bpsim.trace.BranchBatch;

import org.bpsim.trace.TraceFormat;
import org.bpsim.trace.TraceInput;
import org.bpsim.trace.StreamedTraceReader;

/**
 * The branches of a CBP-2025 kit trace. Every record is an instruction, so positions count
 * instructions exactly as the kit does; a not-taken conditional branch has no recorded target
 * (the trace never says where it would have gone), so its target is 0.
 */
public final class Cbp2025Reader extends StreamedTraceReader {
  private static final byte[] KIND_OF_CLASS = new byte[InstructionClass.COUNT];

  static {
    java.util.Arrays.fill(KIND_OF_CLASS, (byte) -1);
    KIND_OF_CLASS[InstructionClass.CONDITIONAL_BRANCH] = BranchKind.CONDITIONAL.code();
    KIND_OF_CLASS[InstructionClass.DIRECT_JUMP] = BranchKind.DIRECT_JUMP.code();
    KIND_OF_CLASS[InstructionClass.INDIRECT_JUMP] = BranchKind.INDIRECT_JUMP.code();
    KIND_OF_CLASS[InstructionClass.DIRECT_CALL] = BranchKind.DIRECT_CALL.code();
    KIND_OF_CLASS[InstructionClass.INDIRECT_CALL] = BranchKind.INDIRECT_CALL.code();
    KIND_OF_CLASS[InstructionClass.RETURN] = BranchKind.RETURN.code();
  }

  private final Cbp2025Decoder decoder;
  private boolean finished;
  /** The last instruction position the caller wants (see stopAfter). */
  private long stopAfter = Long.MAX_VALUE;

  public Cbp2025Reader(TraceInput input) {
    super(input, TraceFormat.CBP2025);
    this.decoder = new Cbp2025Decoder(input);
  }

  /** The branch kind of a kit instruction class, or null if it is not a branch. */
  public static BranchKind kindOf(int instructionClass) {
    byte code = KIND_OF_CLASS[instructionClass];
    return code < 0 ? null : BranchKind.ofCode(code);
  }

  @Override
  public void stopAfter(long position) {
    stopAfter = position;
  }

  @Override
  public int read(BranchBatch batch) throws IOException {
    batch.clear();
    while (!finished && !batch.isFull() && decoder.records() < stopAfter) {
      if (!decoder.next()) {
        finished = true;
        break;
      }
      byte code = KIND_OF_CLASS[decoder.instructionClass()];
      if (code >= 0) {
        boolean taken = decoder.taken();
        batch.add(decoder.pc(), taken ? decoder.nextPc() : 0, BranchKind.ofCode(code), taken,
            decoder.records());
      }
    }
    return batch.size();
  }

  @Override
  public boolean hasInstructionCounts() {
    return true;
  }

  @Override
  public long instructionsRead() {
    return decoder.records();
  }

}
