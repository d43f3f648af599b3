package org.bpsim.trace;

/**
 * The execution units an instruction stream distinguishes, as int constants because a timing
 * model asks once per instruction. Loads and stores are told apart by
 * {@link InstructionStream#isLoad()} and {@link InstructionStream#isStore()}, not here.
 */
public final class ExecutionClass {
  /** A one-cycle integer operation (also branches, address generation). */
  public static final int SIMPLE = 0;
  /** A floating-point or SIMD operation. */
  public static final int FLOATING_POINT = 1;
  /** A multi-cycle integer operation (multiply, divide). */
  public static final int SLOW_INTEGER = 2;

  private ExecutionClass() {
  }
}
