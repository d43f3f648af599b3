package org.bpsim.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.bpsim.trace.champsim.ChampSimBranchKinds;
import org.junit.jupiter.api.Test;

/** Properties of the operand table itself ({@link X86Disassembly#ROWS}). */
final class X86OperandTableTest {
  private static final int NONE = ChampSimBranchKinds.NOT_A_BRANCH;

  /**
   * No row is dead or shadowed: each row's example reaches that row, not an earlier one (a row
   * that no instruction reaches would be registers nobody gets).
   */
  @Test
  void everyRowDecidesItsOwnExample() {
    Set<String> examples = new HashSet<>();
    for (X86Disassembly.Row row : X86Disassembly.ROWS) {
      X86Disassembly.Row decided = X86Disassembly.rowFor(
          X86Disassembly.Instruction.parse(row.example()));
      assertTrue(row == decided, row.example() + " is decided by "
          + (decided == null ? "no row" : "the row of " + decided.example()));
      assertTrue(examples.add(row.example()), "two rows share " + row.example());
    }
  }

  /** How a row's instructions are spelled (case, spacing) does not change what they use. */
  @Test
  void theExamplesReadAlikeInAnyCaseAndSpacing() {
    for (X86Disassembly.Row row : X86Disassembly.ROWS) {
      String example = row.example();
      RegisterUse use = X86Disassembly.registerUse(example, NONE);
      String spaced = "  " + example.toUpperCase(Locale.ROOT).replace(", ", " ,\t") + " ";
      assertEquals(use, X86Disassembly.registerUse(spaced, NONE), spaced);
    }
  }
}
