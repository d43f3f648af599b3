package org.bpsim.record;

import java.util.Arrays;

/**
 * What the recorder knows about each translated instruction, by address: its length and its
 * control-transfer kind. Open addressing over primitive arrays, so a lookup per executed
 * instruction allocates nothing; it grows with the program's code, never with the trace's length.
 * Address 0 marks an empty slot (no user program executes the null page).
 */
final class InstructionTable {
  private long[] addresses = new long[1 << 14];
  private byte[] kinds = new byte[addresses.length];
  private byte[] lengths = new byte[addresses.length];
  private int size;

  /** Records (or replaces, for re-translated code) an instruction. */
  void put(long address, int kind, int length) {
    if (2 * (size + 1) > addresses.length) {
      grow();
    }
    int slot = find(addresses, address);
    if (addresses[slot] == 0) {
      addresses[slot] = address;
      size++;
    }
    kinds[slot] = (byte) kind;
    lengths[slot] = (byte) length;
  }

  /** The slot of a known address, or -1. */
  int slotOf(long address) {
    int slot = find(addresses, address);
    return addresses[slot] == 0 ? -1 : slot;
  }

  int kind(int slot) {
    return kinds[slot];
  }

  int length(int slot) {
    return lengths[slot] & 0xff;
  }

  int size() {
    return size;
  }

  private static int find(long[] table, long address) {
    int mask = table.length - 1;
    int slot = (int) mix(address) & mask;
    while (table[slot] != 0 && table[slot] != address) {
      slot = (slot + 1) & mask;
    }
    return slot;
  }

  private static long mix(long x) {
    long h = x * 0x9E3779B97F4A7C15L;
    return h ^ (h >>> 29);
  }

  private void grow() {
    long[] oldAddresses = addresses;
    byte[] oldKinds = kinds;
    byte[] oldLengths = lengths;
    addresses = new long[oldAddresses.length * 2];
    kinds = new byte[addresses.length];
    lengths = new byte[addresses.length];
    for (int i = 0; i < oldAddresses.length; i++) {
      if (oldAddresses[i] != 0) {
        int slot = find(addresses, oldAddresses[i]);
        addresses[slot] = oldAddresses[i];
        kinds[slot] = oldKinds[i];
        lengths[slot] = oldLengths[i];
      }
    }
    Arrays.fill(oldAddresses, 0);
  }
}
