package org.bpsim.trace.cbp2025;

import java.io.IOException;
import java.nio.file.Path;
import org.bpsim.predictor.spi.BranchKind;
import org.bpsim.trace.ExecutionClass;
import org.bpsim.trace.InstructionStream;
import org.bpsim.trace.TraceInput;

/** A CBP-2025 kit trace as an instruction stream (one record, one instruction). */
public final class Cbp2025InstructionStream implements InstructionStream {
  private final TraceInput input;
  private final Cbp2025Decoder decoder;
  private BranchKind kind;

  public Cbp2025InstructionStream(TraceInput input) {
    this.input = input;
    this.decoder = new Cbp2025Decoder(input);
  }

  @Override
  public boolean next() throws IOException {
    if (!decoder.next()) {
      return false;
    }
    kind = Cbp2025Reader.kindOf(decoder.instructionClass());
    return true;
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
    return decoder.instructionClass() == InstructionClass.LOAD;
  }

  @Override
  public long loadAddress() {
    return isLoad() ? decoder.effectiveAddress() : 0;
  }

  @Override
  public boolean isStore() {
    return decoder.instructionClass() == InstructionClass.STORE;
  }

  @Override
  public long storeAddress() {
    return isStore() ? decoder.effectiveAddress() : 0;
  }

  @Override
  public int executionClass() {
    int instructionClass = decoder.instructionClass();
    return instructionClass == InstructionClass.FP ? ExecutionClass.FLOATING_POINT
        : instructionClass == InstructionClass.SLOW_ALU ? ExecutionClass.SLOW_INTEGER
        : ExecutionClass.SIMPLE;
  }

  @Override
  public int sourceRegisters() {
    return decoder.inputs();
  }

  @Override
  public int sourceRegister(int i) {
    return decoder.inputRegister(i);
  }

  @Override
  public int destinationRegisters() {
    return decoder.outputs();
  }

  @Override
  public int destinationRegister(int i) {
    return decoder.outputRegister(i);
  }

  /**
   * A store's only output is its updated base; a load's updated base is the integer register it
   * both reads and writes (the kit's reader finds it the same way).
   */
  @Override
  public int baseUpdateRegister() {
    if (!decoder.baseUpdate()) {
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
