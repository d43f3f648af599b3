package org.bpsim.trace.cbp2025;

import java.io.IOException;
import java.nio.file.Path;
import org.bpsim.predictor.spi.BranchKind;
import org.bpsim.trace.ExecutionClass;
import org.bpsim.trace.InstructionStream;
import org.bpsim.trace.TraceInput;

/**
 * A CBP-2025 kit trace as an instruction stream: one record, one instruction, or, once
 * {@link #splitIntoMicroOps()} is called, one micro-op per {@link #next()} as the kit's reader
 * cracks records ({@link Cbp2025MicroOps}).
 */
public final class Cbp2025InstructionStream implements InstructionStream {
  private final TraceInput input;
  private final Cbp2025Decoder decoder;
  private BranchKind kind;
  /** Non-null once split into micro-ops. */
  private Cbp2025MicroOps microOps;
  private int piece;
  private int pieces;

  public Cbp2025InstructionStream(TraceInput input) {
    this.input = input;
    this.decoder = new Cbp2025Decoder(input);
  }

  @Override
  public boolean next() throws IOException {
    if (microOps != null && ++piece < pieces) {
      kind = Cbp2025Reader.kindOf(microOps.pieceClass(piece));
      return true;
    }
    if (!decoder.next()) {
      return false;
    }
    if (microOps != null) {
      pieces = microOps.crack(decoder);
      piece = 0;
      kind = Cbp2025Reader.kindOf(microOps.pieceClass(0));
    } else {
      kind = Cbp2025Reader.kindOf(decoder.instructionClass());
    }
    return true;
  }

  @Override
  public void splitIntoMicroOps() {
    if (microOps == null) {
      microOps = new Cbp2025MicroOps();
      piece = 0;
      pieces = 0;
    }
  }

  @Override
  public boolean lastMicroOp() {
    return microOps == null || piece == pieces - 1;
  }

  /** The kit's traces are AArch64: every instruction is 4 bytes (the kit's own next pc). */
  @Override
  public int instructionBytes() {
    return 4;
  }

  @Override
  public int accessBytes() {
    return microOps != null ? microOps.size(piece) : Math.max(1, decoder.accessBytes());
  }

  @Override
  public Path path() {
    return input.path();
  }

  @Override
  public long instructions() {
    return decoder.records();
  }

  @Override
  public long pc() {
    return decoder.pc();
  }

  @Override
  public BranchKind branchKind() {
    return kind;
  }

  @Override
  public boolean taken() {
    return decoder.taken();
  }

  @Override
  public long target() {
    return decoder.taken() ? decoder.nextPc() : 0;
  }

  @Override
  public boolean isLoad() {
    return microOps != null ? microOps.isLoad(piece)
        : decoder.instructionClass() == InstructionClass.LOAD;
  }

  @Override
  public long loadAddress() {
    return !isLoad() ? 0 : microOps != null ? microOps.address(piece) : decoder.effectiveAddress();
  }

  @Override
  public boolean isStore() {
    return microOps != null ? microOps.isStore(piece)
        : decoder.instructionClass() == InstructionClass.STORE;
  }

  @Override
  public long storeAddress() {
    return !isStore() ? 0 : microOps != null ? microOps.address(piece)
        : decoder.effectiveAddress();
  }

  @Override
  public int executionClass() {
    int instructionClass = microOps != null ? microOps.pieceClass(piece)
        : decoder.instructionClass();
    return instructionClass == InstructionClass.FP ? ExecutionClass.FLOATING_POINT
        : instructionClass == InstructionClass.SLOW_ALU ? ExecutionClass.SLOW_INTEGER
        : ExecutionClass.SIMPLE;
  }

  @Override
  public int sourceRegisters() {
    if (microOps != null) {
      // A micro-op's sources (A, B, C) are always a prefix of its three slots.
      int n = 0;
      while (n < 3 && microOps.source(piece, n) != Cbp2025MicroOps.NONE) {
        n++;
      }
      return n;
    }
    return decoder.inputs();
  }

  @Override
  public int sourceRegister(int i) {
    return microOps != null ? microOps.source(piece, i) : decoder.inputRegister(i);
  }

  @Override
  public int destinationRegisters() {
    if (microOps != null) {
      return microOps.destination(piece) == Cbp2025MicroOps.NONE ? 0 : 1;
    }
    return decoder.outputs();
  }

  @Override
  public int destinationRegister(int i) {
    return microOps != null ? microOps.destination(piece) : decoder.outputRegister(i);
  }

  /**
   * A store's only output is its updated base; a load's updated base is the integer register it
   * both reads and writes (the kit's reader finds it the same way).
   */
  @Override
  public int baseUpdateRegister() {
    if (microOps != null || !decoder.baseUpdate()) {
      // Split into micro-ops, the base update is a micro-op of its own.
      return -1;
    }
    if (isStore()) {
      return decoder.outputs() == 1 ? decoder.outputRegister(0) : -1;
    }
    for (int o = 0; o < decoder.outputs(); o++) {
      int out = decoder.outputRegister(o);
      if (out >= Cbp2025Decoder.INTEGER_REGISTERS) {
        continue;
      }
      for (int i = 0; i < decoder.inputs(); i++) {
        if (decoder.inputRegister(i) == out) {
          return out;
        }
      }
    }
    return -1;
  }

  @Override
  public int zeroRegister() {
    return Cbp2025Decoder.ZERO_REGISTER;
  }

  @Override
  public void close() throws IOException {
    input.close();
  }
}
