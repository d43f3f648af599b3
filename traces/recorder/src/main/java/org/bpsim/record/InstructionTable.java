package org.bpsim.record;

import java.util.Arrays;

/**
 * What the recorder knows about each translated instruction, by address: its length, its
 * control-transfer kind and its registers (six bytes in a ChampSim record's order, from
 * {@link X86Disassembly}; parsed once per translation, not per execution). Open addressing over primitive arrays, so a lookup per executed
 * instruction allocates nothing; it grows with the program's code, never with the trace's length.
 * Address 0 marks an empty slot (no user program executes the null page).
 */
final class InstructionTable {
  /** Register bytes per instruction: 2 destinations and 4 sources. */
  static final int REGISTERS = RegisterUse.DESTINATIONS + RegisterUse.SOURCES;

  private long[] addresses = new long[1 << 14];
  private byte[] kinds = new byte[addresses.length];
  private byte[] lengths = new byte[addresses.length];
  private byte[] registers = new byte[addresses.length * REGISTERS];
  private boolean[] recognised = new boolean[addresses.length];
  private int size;

  /** Records (or replaces, for re-translated code) an instruction. */
  void put(long address, int kind, int length, RegisterUse use) {
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
    use.copyTo(registers, slot * REGISTERS);
    recognised[slot] = use.recognised();
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

  /** Copies the instruction's six register bytes to {@code into[0, 6)}. */
  void copyRegisters(int slot, byte[] into) {
    System.arraycopy(registers, slot * REGISTERS, into, 0, REGISTERS);
  }

  /** Whether {@link X86Disassembly} knew the instruction's mnemonic. */
  boolean recognised(int slot) {
    return recognised[slot];
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
    byte[] oldRegisters = registers;
    boolean[] oldRecognised = recognised;
    addresses = new long[oldAddresses.length * 2];
    kinds = new byte[addresses.length];
    lengths = new byte[addresses.length];
    registers = new byte[addresses.length * REGISTERS];
    recognised = new boolean[addresses.length];
    for (int i = 0; i < oldAddresses.length; i++) {
      if (oldAddresses[i] != 0) {
        int slot = find(addresses, oldAddresses[i]);
        addresses[slot] = oldAddresses[i];
        kinds[slot] = oldKinds[i];
        lengths[slot] = oldLengths[i];
        System.arraycopy(oldRegisters, i * REGISTERS, registers, slot * REGISTERS, REGISTERS);
        recognised[slot] = oldRecognised[i];
      }
    }
    Arrays.fill(oldAddresses, 0);
  }
}
