package org.bpsim.record;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.bpsim.trace.champsim.ChampSimBranchKinds;

/**
 * The ChampSim register number of each x86-64 register the recorder names. The general-purpose
 * registers, the flags and the instruction pointer take Pin's register ids, the numbering of
 * ChampSim's published x86 traces (and of its branch-kind rule: stack pointer 6, flags 25,
 * instruction pointer 26). Every width of a register is the same register: al, ax, eax and rax
 * are all rax, so a byte written into al counts as a write of rax (in hardware a merge, not a
 * dependence worth modelling). Vector registers (xmm, ymm and zmm N are one register), mask
 * registers and the x87 stack (with the MMX registers that alias it) take numbers of bpsim's own
 * above Pin's general-purpose range. Segment registers are left out: programs set them once, so
 * they carry no dependence worth following.
 */
final class X86Registers {
  static final int RDI = 3;
  static final int RSI = 4;
  static final int RBP = 5;
  static final int RSP = ChampSimBranchKinds.REG_STACK_POINTER;
  static final int RBX = 7;
  static final int RDX = 8;
  static final int RCX = 9;
  static final int RAX = 10;
  /** r8 is 11, up to r15, 18. */
  static final int R8 = 11;
  static final int FLAGS = ChampSimBranchKinds.REG_FLAGS;
  static final int RIP = ChampSimBranchKinds.REG_INSTRUCTION_POINTER;
  /** xmm0, ymm0 and zmm0 are 64, up to the 31st vector register, 95. */
  static final int VECTOR_0 = 64;
  /** k0 is 96, up to k7, 103. */
  static final int MASK_0 = 96;
  /** st(0) (and mm0) is 104, up to st(7), 111. */
  static final int X87_0 = 104;
  /**
   * Read by an indirect branch whose target comes from memory addressed through the instruction
   * pointer alone (a PLT slot, say). ChampSim's rule needs the branch to read a register other
   * than the stack pointer, the flags and the instruction pointer; no instruction writes this
   * one, so it adds no dependence.
   */
  static final int MEMORY_TARGET = 127;

  private static final Map<String, Integer> NUMBERS = new HashMap<>();

  static {
    String[] legacy = {"ax", "cx", "dx", "bx", "sp", "bp", "si", "di"};
    int[] legacyNumbers = {RAX, RCX, RDX, RBX, RSP, RBP, RSI, RDI};
    for (int i = 0; i < legacy.length; i++) {
      String name = legacy[i];
      int number = legacyNumbers[i];
      NUMBERS.put("r" + name, number);
      NUMBERS.put("e" + name, number);
      NUMBERS.put(name, number);
      if (name.endsWith("x")) {
        NUMBERS.put(name.charAt(0) + "l", number);
        NUMBERS.put(name.charAt(0) + "h", number);
      } else {
        NUMBERS.put(name + "l", number);
      }
    }
    for (int i = 8; i < 16; i++) {
      for (String suffix : new String[] {"", "d", "w", "b", "l"}) {
        NUMBERS.put("r" + i + suffix, R8 + i - 8);
      }
    }
    for (int i = 0; i < 32; i++) {
      NUMBERS.put("xmm" + i, VECTOR_0 + i);
      NUMBERS.put("ymm" + i, VECTOR_0 + i);
      NUMBERS.put("zmm" + i, VECTOR_0 + i);
    }
    for (int i = 0; i < 8; i++) {
      NUMBERS.put("k" + i, MASK_0 + i);
      NUMBERS.put("st(" + i + ")", X87_0 + i);
      NUMBERS.put("mm" + i, X87_0 + i);
    }
    NUMBERS.put("st", X87_0);
    NUMBERS.put("rip", RIP);
    NUMBERS.put("eip", RIP);
    NUMBERS.put("rflags", FLAGS);
    NUMBERS.put("eflags", FLAGS);
  }

  private X86Registers() {
  }

  /** The number of a register named as in AT&T syntax, without its '%'; 0 if not followed. */
  static int number(String name) {
    Integer number = NUMBERS.get(name.toLowerCase(Locale.ROOT));
    return number == null ? 0 : number;
  }
}
