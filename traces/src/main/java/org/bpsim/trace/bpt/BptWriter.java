package org.bpsim.trace.bpt;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;
import org.bpsim.trace.BranchBatch;

/**
 * Writes a {@code .bpt} trace (see {@link BptLayout}): branches go in with {@link #write}, in
 * trace order, and {@link #finish} closes the last chunk and writes the trailer.
 */
public final class BptWriter implements AutoCloseable {
  private final DataOutputStream out;
  private final BranchBatch pending = new BranchBatch(BptLayout.CHUNK_BRANCHES);
  private final byte[] payload = new byte[BptLayout.CHUNK_BRANCHES * BptLayout.MAX_RECORD_BYTES];
  private final CRC32C crc = new CRC32C();
  private long lastPosition;
  private long branches;
  private int chunks;
  private boolean finished;

  public BptWriter(OutputStream out, String source, boolean instructionCounts,
      long declaredInstructions) throws IOException {
    this.out = new DataOutputStream(new BufferedOutputStream(out, 1 << 16));
    byte[] sourceBytes = source.getBytes(StandardCharsets.UTF_8);
    ByteBuffer header = ByteBuffer.allocate(BptLayout.MAGIC.length + 2 + 2 + 4
        + sourceBytes.length + 8).order(ByteOrder.LITTLE_ENDIAN);
    header.put(BptLayout.MAGIC);
    header.putShort((short) BptLayout.VERSION);
    header.putShort((short) (instructionCounts ? BptLayout.FLAG_INSTRUCTION_COUNTS : 0));
    header.putInt(sourceBytes.length);
    header.put(sourceBytes);
    header.putLong(declaredInstructions);
    writeChecksummed(header.array());
  }

  /** Writes {@code bytes} and then their CRC-32C, as the header and the trailer end. */
  private void writeChecksummed(byte[] bytes) throws IOException {
    out.write(bytes);
    crc.reset();
    crc.update(bytes, 0, bytes.length);
    writeInt((int) crc.getValue());
  }

  /** Appends every branch of {@code batch}. */
  public void write(BranchBatch batch) throws IOException {
    for (int i = 0; i < batch.size(); i++) {
      if (pending.isFull()) {
        flushChunk();
      }
      pending.add(batch.pc[i], batch.target[i], batch.kindAt(i), batch.taken[i],
          batch.position[i]);
    }
  }

  /**
   * Writes the last chunk and the trailer.
   *
   * @param instructionsRead the trace's instruction count, including any after the last branch
   */
  public void finish(long instructionsRead) throws IOException {
    if (pending.size() > 0) {
      flushChunk();
    }
    ByteBuffer trailer = ByteBuffer.allocate(4 + BptLayout.TRAILER_COUNT_BYTES)
        .order(ByteOrder.LITTLE_ENDIAN);
    trailer.putInt(BptLayout.TRAILER_MAGIC);
    trailer.putInt(chunks);
    trailer.putLong(branches);
    trailer.putLong(instructionsRead);
    writeChecksummed(trailer.array());
    out.flush();
    finished = true;
  }

  private void flushChunk() throws IOException {
    int count = pending.size();
    int length = BptChunkCodec.encode(pending, 0, count, lastPosition, payload);
    crc.reset();
    crc.update(payload, 0, length);
    writeInt(BptLayout.CHUNK_MAGIC);
    writeInt(count);
    writeInt(length);
    writeInt((int) crc.getValue());
    writeLong(lastPosition);
    out.write(payload, 0, length);
    lastPosition = pending.position[count - 1];
    branches += count;
    chunks++;
    pending.clear();
  }

  private void writeInt(int value) throws IOException {
    out.writeInt(Integer.reverseBytes(value));
  }

  private void writeLong(long value) throws IOException {
    out.writeLong(Long.reverseBytes(value));
  }

  @Override
  public void close() throws IOException {
    if (!finished) {
      out.close();
      throw new IllegalStateException("BptWriter closed without finish(): the file is incomplete");
    }
    out.close();
  }
}
