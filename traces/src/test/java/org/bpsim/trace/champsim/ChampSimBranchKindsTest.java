package org.bpsim.trace.champsim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;
import org.bpsim.predictor.spi.BranchKind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * ChampSim's branch-kind rule on the register patterns its x86 tracer writes for real
 * instructions (registers: 6 stack pointer, 25 flags, 26 instruction pointer, others general).
 */
final class ChampSimBranchKindsTest {
  private static final int SP = 6;
  private static final int FLAGS = 25;
  private static final int IP = 26;
  private static final int RAX = 56;
  private static final int RCX = 57;
  private static final int NOT_A_BRANCH = ChampSimBranchKinds.NOT_A_BRANCH;

  static Stream<Arguments> instructions() {
    return Stream.of(
        Arguments.of("jne rel32", new int[] {IP, 0}, new int[] {IP, FLAGS, 0, 0},
            BranchKind.CONDITIONAL.code()),
        Arguments.of("jrcxz (reads a counter, not the flags)", new int[] {IP, 0},
            new int[] {IP, RCX, 0, 0}, BranchKind.CONDITIONAL.code()),
        Arguments.of("jmp rel32", new int[] {IP, 0}, new int[] {IP, 0, 0, 0},
            BranchKind.DIRECT_JUMP.code()),
        Arguments.of("jmp with no recorded sources", new int[] {IP, 0}, new int[] {0, 0, 0, 0},
            BranchKind.DIRECT_JUMP.code()),
        Arguments.of("jmp rax", new int[] {IP, 0}, new int[] {RAX, 0, 0, 0},
            BranchKind.INDIRECT_JUMP.code()),
        Arguments.of("call rel32", new int[] {IP, SP}, new int[] {IP, SP, 0, 0},
            BranchKind.DIRECT_CALL.code()),
        Arguments.of("call [rax]", new int[] {SP, IP}, new int[] {RAX, IP, SP, 0},
            BranchKind.INDIRECT_CALL.code()),
        Arguments.of("ret", new int[] {IP, SP}, new int[] {SP, 0, 0, 0},
            BranchKind.RETURN.code()),
        Arguments.of("writes ip, reads sp without writing it", new int[] {IP, 0},
            new int[] {IP, SP, 0, 0}, BranchKind.OTHER.code()),
        Arguments.of("writes ip, reads flags and a register but not ip", new int[] {IP, 0},
            new int[] {FLAGS, RAX, 0, 0}, BranchKind.OTHER.code()),
        Arguments.of("add rax, rcx", new int[] {RAX, FLAGS}, new int[] {RAX, RCX, 0, 0},
            NOT_A_BRANCH),
        Arguments.of("push rax (writes sp, not ip)", new int[] {SP, 0}, new int[] {SP, RAX, 0, 0},
            NOT_A_BRANCH),
        Arguments.of("nop", new int[] {0, 0}, new int[] {0, 0, 0, 0}, NOT_A_BRANCH));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("instructions")
  void deducesTheKindFromTheRegistersAlone(String instruction, int[] destinations,
      int[] sources, int expected) {
    assertEquals(expected, ChampSimBranchKinds.classify(destinations, sources), instruction);
  }
}
