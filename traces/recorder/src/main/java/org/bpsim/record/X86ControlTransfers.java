package org.bpsim.record;

import org.bpsim.predictor.spi.BranchKind;
import org.bpsim.trace.champsim.ChampSimBranchKinds;

/**
 * Which kind of control transfer an x86-64 instruction is, from its bytes alone. Only the opcode
 * matters, so decoding stops after the prefixes: legacy prefixes (segment, operand and address
 * size, lock, rep/bnd, notrack) and one REX byte. Far transfers and interrupt returns, which user
 * programs hardly ever execute, are classed with their near forms.
 */
public final class X86ControlTransfers {
  private X86ControlTransfers() {
  }

  /**
   * Classifies the instruction in {@code code[offset, offset + length)}.
   *
   * @return a {@link BranchKind#code()}, or {@link ChampSimBranchKinds#NOT_A_BRANCH}
   */
  public static int classify(byte[] code, int offset, int length) {
    int end = offset + length;
    int i = offset;
    while (i < end && isLegacyPrefix(code[i] & 0xff)) {
      i++;
    }
    if (i < end && (code[i] & 0xf0) == 0x40) {
      i++;
    }
    if (i >= end) {
      return ChampSimBranchKinds.NOT_A_BRANCH;
    }
    int opcode = code[i] & 0xff;
    if ((opcode >= 0x70 && opcode <= 0x7f) || (opcode >= 0xe0 && opcode <= 0xe3)) {
      return BranchKind.CONDITIONAL.code(); // jcc rel8; loopne, loope, loop, jrcxz
    }
    switch (opcode) {
      case 0xe8: // call rel32
      case 0x9a: // call far absolute (not valid in 64-bit mode)
        return BranchKind.DIRECT_CALL.code();
      case 0xe9: // jmp rel32
      case 0xeb: // jmp rel8
      case 0xea: // jmp far absolute (not valid in 64-bit mode)
        return BranchKind.DIRECT_JUMP.code();
      case 0xc2: // ret imm16
      case 0xc3: // ret
      case 0xca: // far ret imm16
      case 0xcb: // far ret
      case 0xcf: // iret
        return BranchKind.RETURN.code();
      case 0x0f:
        if (i + 1 < end) {
          int second = code[i + 1] & 0xff;
          if (second >= 0x80 && second <= 0x8f) {
            return BranchKind.CONDITIONAL.code(); // jcc rel32
          }
        }
        return ChampSimBranchKinds.NOT_A_BRANCH;
      case 0xff:
        if (i + 1 < end) {
          int operation = (code[i + 1] >> 3) & 7; // the ModRM reg field selects the operation
          if (operation == 2 || operation == 3) {
            return BranchKind.INDIRECT_CALL.code(); // call r/m, call far m
          }
          if (operation == 4 || operation == 5) {
            return BranchKind.INDIRECT_JUMP.code(); // jmp r/m, jmp far m
          }
        }
        return ChampSimBranchKinds.NOT_A_BRANCH;
      default:
        return ChampSimBranchKinds.NOT_A_BRANCH;
    }
  }

  private static boolean isLegacyPrefix(int b) {
    switch (b) {
      case 0x26: case 0x2e: case 0x36: case 0x3e: case 0x64: case 0x65: // segments, notrack
      case 0x66: case 0x67: // operand and address size
      case 0xf0: case 0xf2: case 0xf3: // lock, repne/bnd, rep
        return true;
      default:
        return false;
    }
  }
}
