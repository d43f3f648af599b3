package org.bpsim.trace.cbp2025;

import java.io.IOException;
import java.nio.file.Path;
import org.bpsim.predictor.spi.BranchKind;
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

  /** The kit's latencies: FP ops 3 cycles, slow integer ops 4. */
  @Override
  public int extraLatency() {
    int instructionClass = decoder.instructionClass();
    return instructionClass == InstructionClass.FP ? 2
        : instructionClass == InstructionClass.SLOW_ALU ? 3 : 0;
  }

  @Override
  public void close() throws IOException {
    input.close();
  }
}
