package org.bpsim.record;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HexFormat;
import org.bpsim.predictor.spi.BranchKind;
import org.bpsim.trace.champsim.ChampSimBranchKinds;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class X86ControlTransfersTest {
  @ParameterizedTest(name = "{0} ({2}) is {1}")
  @CsvSource({
      "7405, CONDITIONAL, je rel8",
      "7ffe, CONDITIONAL, jg rel8",
      "0f8412345678, CONDITIONAL, je rel32",
      "0f8f00000000, CONDITIONAL, jg rel32",
      "e2fe, CONDITIONAL, loop",
      "e3fe, CONDITIONAL, jrcxz",
      "f27405, CONDITIONAL, bnd je",
      "3e7405, CONDITIONAL, ds-prefixed je (branch hint)",
      "e800000000, DIRECT_CALL, call rel32",
      "f2e800000000, DIRECT_CALL, bnd call",
      "e900000000, DIRECT_JUMP, jmp rel32",
      "ebfe, DIRECT_JUMP, jmp rel8",
      "ffe0, INDIRECT_JUMP, jmp rax",
      "41ffe3, INDIRECT_JUMP, jmp r11",
      "3effe0, INDIRECT_JUMP, notrack jmp rax",
      "ff2500000000, INDIRECT_JUMP, jmp [rip+0]",
      "ffd0, INDIRECT_CALL, call rax",
      "41ffd4, INDIRECT_CALL, call r12",
      "ff5008, INDIRECT_CALL, call [rax+8]",
      "ff1500000000, INDIRECT_CALL, call [rip+0]",
      "c3, RETURN, ret",
      "f3c3, RETURN, rep ret",
      "f2c3, RETURN, bnd ret",
      "c20800, RETURN, ret 8",
  })
  void branchesAreClassifiedByOpcode(String hex, BranchKind kind, String mnemonic) {
    assertEquals(kind.code(), classify(hex), mnemonic);
  }

  @ParameterizedTest(name = "{0} ({1}) is not a branch")
  @CsvSource({
      "90, nop",
      "4889e5, mov rbp rsp",
      "ffc0, inc eax (FF /0)",
      "ff30, push [rax] (FF /6)",
      "0f05, syscall",
      "0f1f4000, nop dword [rax]",
      "f30f1efa, endbr64",
      "c5f877, vzeroupper",
      "0f0b, ud2",
      "66, a lone prefix",
      "0f, a truncated two-byte opcode",
      "ff, a truncated group-5 opcode",
  })
  void otherInstructionsAreNotBranches(String hex, String mnemonic) {
    assertEquals(ChampSimBranchKinds.NOT_A_BRANCH, classify(hex), mnemonic);
  }

  private static int classify(String hex) {
    byte[] bytes = HexFormat.of().parseHex(hex);
    byte[] padded = new byte[bytes.length + 4];
    System.arraycopy(bytes, 0, padded, 2, bytes.length);
    return X86ControlTransfers.classify(padded, 2, bytes.length);
  }
}
