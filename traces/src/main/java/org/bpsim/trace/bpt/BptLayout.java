package org.bpsim.trace.bpt;

import java.nio.charset.StandardCharsets;

/**
 * The layout of bpsim's own trace format, {@code .bpt}: branch records only, compact, checked, and
 * cut into independent chunks so that chunks can be decoded in parallel and damage is confined to
 * one chunk. All integers are little-endian.
 *
 * <pre>
 * file    = header chunk* trailer
 * header  = "BPSIMBPT" u16:version u16:flags u32:n utf8[n]:source i64:declaredInstructions
 *           u32:crc32c(every header byte before it, from the magic on)
 *           (flags bit 0: positions count instructions; declaredInstructions -1 = none)
 * chunk   = "CHNK" u32:branches u32:payloadBytes u32:crc32c(payload) i64:basePosition payload
 * trailer = "BEND" u32:chunks i64:branches i64:instructionsRead
 *           u32:crc32c(every trailer byte before it, from "BEND" on)
 * payload = u8:k record*   (state reset per chunk: previous pc = 0, previous position =
 *           basePosition; every pc and target of the chunk is a multiple of 2^k, k <= 6)
 * record  = u8:head varint:zigzag((pc - previousPc) / 2^k) [varint:zigzag((target - pc) / 2^k)]
 *           [varint:gap-8]
 *           head bits 0-2 kind code, bit 3 taken, bit 4 target present,
 *           bits 5-7 gap-1 when the gap (instructions since the previous branch) is 1..7,
 *           7 meaning "gap - 8 follows as a varint"
 * </pre>
 *
 * <p>Version 2 added the header's and the trailer's checksums: one flipped byte in the declared
 * instruction count changed MPKI a thousandfold without a word. The reader checks both, and that
 * the trailer's counts agree with the chunks read (chunks, branches, and instructions no fewer
 * than the last branch's position); any disagreement is an error naming the file, the field and
 * its offset. Version-1 files (no checksums) are still read, with a one-line warning that their
 * metadata is unprotected and the command that rewrites them, {@code bpsim convert OLD NEW}.
 */
public final class BptLayout {
  public static final byte[] MAGIC = "BPSIMBPT".getBytes(StandardCharsets.US_ASCII);
  public static final int CHUNK_MAGIC = 0x4b4e4843; // "CHNK"
  public static final int TRAILER_MAGIC = 0x444e4542; // "BEND"
  public static final int VERSION = 2;
  /** The first version whose header and trailer carry a checksum. */
  public static final int FIRST_CHECKSUMMED_VERSION = 2;
  /** Trailer bytes after "BEND" and before its checksum: chunks, branches, instructions. */
  public static final int TRAILER_COUNT_BYTES = 4 + 8 + 8;
  public static final int FLAG_INSTRUCTION_COUNTS = 1;
  public static final int CHUNK_HEADER_BYTES = 4 + 4 + 4 + 4 + 8;
  /** Branches per chunk: one replay batch, so a chunk decodes straight into it. */
  public static final int CHUNK_BRANCHES = 8192;
  /** Worst case bytes of one record: head + three 10-byte varints (+1 for the chunk's k). */
  public static final int MAX_RECORD_BYTES = 1 + 10 + 10 + 10 + 1;

  static final int TAKEN = 1 << 3;
  static final int HAS_TARGET = 1 << 4;
  static final int GAP_SHIFT = 5;
  static final int GAP_ESCAPE = 7;

  private BptLayout() {
  }
}
