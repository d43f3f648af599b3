package org.bpsim.trace.cbp2;

/**
 * The table of recently seen branches that lets the CBP-2 kit store most branches as a one-byte
 * slot number. It is 2^16 sets of 8 ways with LRU replacement, and the set is chosen by the low
 * 16 bits of the previous branch's target: "after landing here, the next branch was one of these
 * eight". Encoder and decoder update it identically, so a slot number names a whole record.
 *
 * <p>Entries are kept in parallel primitive arrays (about 6.5 MB), allocated once per reader.
 */
final class RecentBranchTable {
  static final int SET_BITS = 16;
  static final int WAYS = 8;
  private static final int SETS = 1 << SET_BITS;

  /** Record code of each entry; 0 marks an empty entry (no real record has code 0). */
  private final byte[] code = new byte[SETS * WAYS];
  private final int[] address = new int[SETS * WAYS];
  private final int[] target = new int[SETS * WAYS];
  /** Time of last use, compared as unsigned like the kit's {@code unsigned int} clock. */
  private final int[] lastUse = new int[SETS * WAYS];
  private int now;

  /** The first entry of the set predicted after a branch that went to {@code previousTarget}. */
  static int setBase(int previousTarget) {
    return (previousTarget & (SETS - 1)) * WAYS;
  }

  int code(int entry) {
    return code[entry] & 0xff;
  }

  int address(int entry) {
    return address[entry];
  }

  int target(int entry) {
    return target[entry];
  }

  /** A hit: the entry becomes the most recently used of its set. */
  void touch(int entry) {
    lastUse[entry] = now++;
  }

  /**
   * A miss: the least recently used entry of the set (the first of equals, empty entries count
   * as used at time 0) is replaced by this record.
   */
  void insert(int setBase, int recordCode, int recordAddress, int recordTarget) {
    int victim = setBase;
    for (int way = 1; way < WAYS; way++) {
      if (Integer.compareUnsigned(lastUse[setBase + way], lastUse[victim]) < 0) {
        victim = setBase + way;
      }
    }
    code[victim] = (byte) recordCode;
    address[victim] = recordAddress;
    target[victim] = recordTarget;
    lastUse[victim] = now++;
  }
}
