package org.bpsim.trace.bpt;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import java.util.zip.CRC32C;
import org.bpsim.trace.BranchBatch;
import org.bpsim.trace.Compression;
import org.bpsim.trace.TraceFormat;
import org.bpsim.trace.TraceFormatException;
import org.bpsim.trace.TraceInput;
import org.bpsim.trace.StreamedTraceReader;

/**
 * Reads {@code .bpt} traces (see {@link BptLayout}). Every chunk's checksum is verified before it
 * is decoded; a chunk of at most a batch's capacity is decoded straight into the caller's batch.
 */
public final class BptReader extends StreamedTraceReader {
  private static final int MAX_SOURCE_BYTES = 1 << 16;

  private final int version;
  private final boolean instructionCounts;
  private final long declaredInstructions;
  private final String source;
  private final byte[] header = new byte[BptLayout.CHUNK_HEADER_BYTES];
  private final CRC32C crc = new CRC32C();
  private byte[] payload = new byte[1 << 16];
  private BranchBatch overflow;
  private int overflowNext;
  private int chunk;
  private long branches;
  private long lastPosition;
  private long instructions;
  private boolean finished;

  public BptReader(TraceInput input) throws IOException {
    super(input, TraceFormat.BPT);
    byte[] magic = new byte[BptLayout.MAGIC.length];
    if (input.readFully(magic, 0, magic.length) != magic.length
        || !Arrays.equals(magic, BptLayout.MAGIC)) {
      throw error(0, "not a .bpt trace (no BPSIMBPT magic)");
    }
    byte[] fixed = readExactly(8, "header");
    version = u16(fixed, 0);
    if (version > BptLayout.VERSION) {
      throw error(8, "format version " + version + " is newer than this bpsim reads (version "
          + BptLayout.VERSION + "); update bpsim");
    }
    if (version < 1) {
      throw error(8, "bad format version " + version);
    }
    instructionCounts = (u16(fixed, 2) & BptLayout.FLAG_INSTRUCTION_COUNTS) != 0;
    int sourceLength = i32(fixed, 4);
    if (sourceLength < 0 || sourceLength > MAX_SOURCE_BYTES) {
      throw error(12, "bad source description length " + sourceLength);
    }
    byte[] sourceBytes = readExactly(sourceLength, "header");
    source = new String(sourceBytes, StandardCharsets.UTF_8);
    long declaredAt = input.offset();
    byte[] declared = readExactly(8, "header");
    declaredInstructions = i64(declared, 0);
    if (version >= BptLayout.FIRST_CHECKSUMMED_VERSION) {
      crc.reset();
      crc.update(magic);
      crc.update(fixed);
      crc.update(sourceBytes);
      crc.update(declared);
      long checksumAt = input.offset();
      if (i32(readExactly(4, "header"), 0) != (int) crc.getValue()) {
        throw error(checksumAt, "the header is corrupt: checksum mismatch (its flags, source "
            + "or declared instructions, at byte " + declaredAt + ", were changed)");
      }
    }
  }

  /** What the trace was converted from, as recorded in its header. */
  public String source() {
    return source;
  }

  @Override
  public int read(BranchBatch batch) throws IOException {
    batch.clear();
    if (overflow != null) {
      return drainOverflow(batch);
    }
    if (finished) {
      return 0;
    }
    long chunkOffset = input.offset();
    if (input.readFully(header, 0, 4) != 4) {
      throw error(chunkOffset, "truncated .bpt trace: no trailer after chunk " + chunk);
    }
    int magic = i32(header, 0);
    if (magic == BptLayout.TRAILER_MAGIC) {
      readTrailer(chunkOffset);
      return 0;
    }
    if (magic != BptLayout.CHUNK_MAGIC) {
      throw error(chunkOffset, "chunk " + chunk + " is corrupt: bad chunk marker");
    }
    if (input.readFully(header, 4, header.length - 4) != header.length - 4) {
      throw error(chunkOffset, "truncated .bpt trace: chunk " + chunk + " header is cut off");
    }
    int count = i32(header, 4);
    int length = i32(header, 8);
    int checksum = i32(header, 12);
    long basePosition = i64(header, 16);
    if (count <= 0 || count > 1 << 20 || length <= 0
        || (long) length > (long) count * BptLayout.MAX_RECORD_BYTES
        || basePosition != lastPosition) {
      throw error(chunkOffset, "chunk " + chunk + " is corrupt: bad chunk header");
    }
    if (payload.length < length + BptChunkCodec.PADDING) {
      payload = new byte[length + BptChunkCodec.PADDING];
    }
    if (input.readFully(payload, 0, length) != length) {
      throw error(chunkOffset, "truncated .bpt trace: chunk " + chunk + " is cut off");
    }
    crc.reset();
    crc.update(payload, 0, length);
    if ((int) crc.getValue() != checksum) {
      throw error(chunkOffset, "chunk " + chunk + " is corrupt: checksum mismatch");
    }
    BranchBatch target = batch;
    if (count > batch.capacity()) {
      overflow = new BranchBatch(count);
      overflowNext = 0;
      target = overflow;
    }
    int bad = BptChunkCodec.decode(payload, length, count, basePosition, target);
    if (bad >= 0) {
      throw error(chunkOffset, "chunk " + chunk + " is corrupt: records stop making sense at "
          + "payload byte " + bad);
    }
    chunk++;
    branches += count;
    lastPosition = target.position[count - 1];
    return target == batch ? count : drainOverflow(batch);
  }

  private int drainOverflow(BranchBatch batch) {
    int n = Math.min(batch.capacity(), overflow.size() - overflowNext);
    System.arraycopy(overflow.pc, overflowNext, batch.pc, 0, n);
    System.arraycopy(overflow.target, overflowNext, batch.target, 0, n);
    System.arraycopy(overflow.kind, overflowNext, batch.kind, 0, n);
    System.arraycopy(overflow.taken, overflowNext, batch.taken, 0, n);
    System.arraycopy(overflow.position, overflowNext, batch.position, 0, n);
    batch.setSize(n);
    overflowNext += n;
    if (overflowNext == overflow.size()) {
      overflow = null;
    }
    return n;
  }

  private void readTrailer(long offset) throws IOException {
    boolean checksummed = version >= BptLayout.FIRST_CHECKSUMMED_VERSION;
    byte[] trailer = new byte[BptLayout.TRAILER_COUNT_BYTES + (checksummed ? 4 : 0)];
    if (input.readFully(trailer, 0, trailer.length) != trailer.length) {
      throw error(offset, "truncated .bpt trace: the trailer is cut off");
    }
    if (checksummed) {
      crc.reset();
      crc.update(header, 0, 4);
      crc.update(trailer, 0, BptLayout.TRAILER_COUNT_BYTES);
      if (i32(trailer, BptLayout.TRAILER_COUNT_BYTES) != (int) crc.getValue()) {
        throw error(offset + 4 + BptLayout.TRAILER_COUNT_BYTES,
            "the trailer is corrupt: checksum mismatch (its counts were changed)");
      }
    }
    int chunks = i32(trailer, 0);
    long totalBranches = i64(trailer, 4);
    instructions = i64(trailer, 12);
    if (chunks != chunk) {
      throw error(offset + 4, "corrupt .bpt trailer: field 'chunks' says " + chunks
          + ", the file holds " + chunk);
    }
    if (totalBranches != branches) {
      throw error(offset + 8, "corrupt .bpt trailer: field 'branches' says " + totalBranches
          + ", the chunks hold " + branches);
    }
    if (instructions < lastPosition) {
      throw error(offset + 16, "corrupt .bpt trailer: field 'instructions' says "
          + instructions + ", fewer than the last branch's position " + lastPosition);
    }
    if (input.read() >= 0) {
      throw error(input.offset() - 1, "unexpected data after the .bpt trailer");
    }
    finished = true;
  }

  /**
   * A version-1 file's header and trailer are not checksummed; and a declared instruction count
   * that disagrees with the chunks' (carried over from a BT9 header) by more than 0.1 % is used
   * as the kit does, but said.
   */
  @Override
  public List<String> warnings() {
    List<String> warnings = new ArrayList<>();
    if (version < BptLayout.FIRST_CHECKSUMMED_VERSION) {
      warnings.add(input.path() + ": format version " + version + " has no checksum on its "
          + "header and trailer, so its instruction counts are unprotected; rewrite it with "
          + "'bpsim convert " + input.path() + " NEW.bpt'");
    }
    if (finished && instructionCounts && declaredInstructions >= 0
        && org.bpsim.trace.bt9.Bt9Reader.disagrees(declaredInstructions, instructions)) {
      warnings.add(input.path() + ": the header declares " + declaredInstructions
          + " instructions, the chunks hold " + instructions + "; the header's count is used");
    }
    return warnings;
  }

  private byte[] readExactly(int length, String what) throws IOException {
    byte[] bytes = new byte[length];
    if (input.readFully(bytes, 0, length) != length) {
      throw error(input.offset(), "truncated .bpt trace: the " + what + " is cut off");
    }
    return bytes;
  }

  private TraceFormatException error(long offset, String problem) {
    String where = input.compression() == Compression.NONE ? "byte " + offset
        : "decompressed byte " + offset;
    return new TraceFormatException(input.path(), where, problem);
  }

  private static int u16(byte[] b, int at) {
    return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8;
  }

  private static int i32(byte[] b, int at) {
    return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8 | (b[at + 2] & 0xff) << 16
        | (b[at + 3] & 0xff) << 24;
  }

  private static long i64(byte[] b, int at) {
    return (i32(b, at) & 0xffffffffL) | (long) i32(b, at + 4) << 32;
  }

  @Override
  public boolean hasInstructionCounts() {
    return instructionCounts;
  }

  @Override
  public long instructionsRead() {
    return finished ? instructions : lastPosition;
  }

  @Override
  public OptionalLong declaredInstructions() {
    return declaredInstructions < 0 ? OptionalLong.empty() : OptionalLong.of(declaredInstructions);
  }

}
