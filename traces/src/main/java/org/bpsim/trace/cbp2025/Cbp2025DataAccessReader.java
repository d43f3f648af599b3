package org.bpsim.trace.cbp2025;

import java.io.IOException;
import java.nio.file.Path;
import org.bpsim.trace.TraceInput;
import org.bpsim.trace.memory.DataAccessBatch;
import org.bpsim.trace.memory.DataAccessReader;

/**
 * The loads and stores of a CBP-2025 kit trace, one access per instruction at its effective
 * address with its total size (a load pair is one 16-byte access, not the kit's two pieces).
 */
public final class Cbp2025DataAccessReader implements DataAccessReader {
  private final TraceInput input;
  private final Cbp2025Decoder decoder;
  private long accesses;
  private boolean finished;

  public Cbp2025DataAccessReader(TraceInput input) {
    this.input = input;
    this.decoder = new Cbp2025Decoder(input);
  }

  @Override
  public int read(DataAccessBatch batch) throws IOException {
    batch.clear();
    while (!finished && !batch.isFull()) {
      if (!decoder.next()) {
        finished = true;
        break;
      }
      int instructionClass = decoder.instructionClass();
      if (InstructionClass.isMemory(instructionClass)) {
        batch.add(decoder.effectiveAddress(), instructionClass == InstructionClass.STORE,
            decoder.accessBytes());
        accesses++;
      }
    }
    return batch.size();
  }

  /** Instructions decoded so far. */
  public long instructionsRead() {
    return decoder.records();
  }

  @Override
  public Path path() {
    return input.path();
  }

  @Override
  public long accessesRead() {
    return accesses;
  }

  @Override
  public void close() throws IOException {
    input.close();
  }
}
