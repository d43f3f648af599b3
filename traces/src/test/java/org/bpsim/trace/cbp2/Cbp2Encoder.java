package org.bpsim.trace.cbp2;

import java.io.ByteArrayOutputStream;

/**
 * A test-only compressor for the CBP-2 kit's stream, written independently of the reader: it keeps
 * its own recent-branch table and return stack and emits a one-byte slot number whenever the
 * decoder can rebuild the record from them, a full 9-byte record otherwise.
 */
final class Cbp2Encoder {
  private static final int WAYS = 8;
  private static final int SETS = 1 << 16;
  private static final int RETURN = 0x70;

  private final int[] code = new int[SETS * WAYS];
  private final int[] address = new int[SETS * WAYS];
  private final int[] target = new int[SETS * WAYS];
  private final long[] lastUse = new long[SETS * WAYS];
  /** Starts at 0 like the kit, so the first record ties with empty entries for eviction. */
  private long now;
  private final int[] stack = new int[100];
  private int depth;
  private int previousTarget;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  /** How often each encoding was used, so tests can check they exercise all of them. */
  int tableHits;
  int returnStackHits;
  int fixes;

  byte[] bytes() {
    return out.toByteArray();
  }

  /** Appends one branch: {@code recordCode} is the kit's code (kind nibble, condition nibble). */
  void branch(int recordCode, int branchAddress, int branchTarget) {
    int set = (previousTarget & (SETS - 1)) * WAYS;
    if (recordCode == RETURN) {
      int predicted = depth == 0 ? 0 : stack[--depth];
      int slot = find(set, recordCode, branchAddress, branchTarget, true);
      int fix = branchTarget - predicted;
      if (slot >= 0 && (fix == 0 || fix == 2 || fix == -3)) {
        if (fix == 2) {
          out.write(0x82);
        } else if (fix == -3) {
          out.write(0x83);
        }
        fixes += fix == 0 ? 0 : 1;
        returnStackHits++;
        out.write(WAYS + slot);
        lastUse[set + slot] = now++;
      } else {
        slot = find(set, recordCode, branchAddress, branchTarget, false);
        if (slot >= 0) {
          out.write(slot);
          tableHits++;
          lastUse[set + slot] = now++;
          depth = 0;
        } else {
          full(set, recordCode, branchAddress, branchTarget);
          if (fix != 0 && fix != 2 && fix != -3) {
            depth = 0;
          }
        }
      }
    } else {
      int slot = find(set, recordCode, branchAddress, branchTarget, false);
      if (slot >= 0) {
        out.write(slot);
        tableHits++;
        lastUse[set + slot] = now++;
      } else {
        full(set, recordCode, branchAddress, branchTarget);
      }
    }
    int kind = recordCode >>> 4;
    if (kind == 5 && depth < stack.length) {
      stack[depth++] = branchAddress + 5;
    } else if (kind == 6 && depth < stack.length) {
      stack[depth++] = branchAddress + 2;
    }
    previousTarget = branchTarget;
  }

  private int find(int set, int recordCode, int branchAddress, int branchTarget,
      boolean anyTarget) {
    for (int slot = 0; slot < WAYS; slot++) {
      int e = set + slot;
      if (code[e] == recordCode && address[e] == branchAddress
          && (anyTarget || target[e] == branchTarget)) {
        return slot;
      }
    }
    return -1;
  }

  private void full(int set, int recordCode, int branchAddress, int branchTarget) {
    out.write(recordCode);
    for (int word : new int[] {branchAddress, branchTarget}) {
      for (int shift = 0; shift < 32; shift += 8) {
        out.write(word >>> shift);
      }
    }
    int victim = set;
    for (int slot = 1; slot < WAYS; slot++) {
      if (lastUse[set + slot] < lastUse[victim]) {
        victim = set + slot;
      }
    }
    code[victim] = recordCode;
    address[victim] = branchAddress;
    target[victim] = branchTarget;
    lastUse[victim] = now++;
  }
}
