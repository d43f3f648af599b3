package org.bpsim.trace.memory;

import java.io.IOException;
import java.nio.file.Path;
import org.bpsim.trace.InstructionStream;

/**
 * The data accesses of an instruction stream: per instruction, its load, then its store. Sizes
 * are not known at this level and are reported as 0.
 */
public final class InstructionStreamAccesses implements DataAccessReader {
  private final InstructionStream stream;
  private long accesses;
  private boolean finished;

  public InstructionStreamAccesses(InstructionStream stream) {
    this.stream = stream;
  }

  @Override
  public int read(DataAccessBatch batch) throws IOException {
    batch.clear();
    // Two accesses at most per instruction: stop while there is room for both.
    while (!finished && batch.size() + 2 <= batch.capacity()) {
      if (!stream.next()) {
        finished = true;
        break;
      }
      if (stream.isLoad()) {
        batch.add(stream.loadAddress(), false, 0);
        accesses++;
      }
      if (stream.isStore()) {
        batch.add(stream.storeAddress(), true, 0);
        accesses++;
      }
    }
    return batch.size();
  }

  @Override
  public Path path() {
    return stream.path();
  }

  @Override
  public long accessesRead() {
    return accesses;
  }

  @Override
  public void close() throws IOException {
    stream.close();
  }
}
