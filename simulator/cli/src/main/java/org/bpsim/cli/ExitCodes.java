package org.bpsim.cli;

/**
 * Process exit codes: 0 success, 2 for anything the user can fix, 3 when a predictor failed but
 * the others' results were produced, 1 for bpsim's own faults and for outputs that could not be
 * written.
 */
final class ExitCodes {
  static final int OK = 0;
  static final int INTERNAL_ERROR = 1;
  /** An output could not be written (a full disk, a closed pipe): the results are lost. */
  static final int OUTPUT_FAILED = 1;
  static final int USER_ERROR = 2;
  /** Results were written, but some predictor (a plugin) failed on some trace. */
  static final int PREDICTOR_FAILED = 3;

  private ExitCodes() {
  }
}
