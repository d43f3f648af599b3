package org.bpsim.report;

import java.util.List;
import java.util.OptionalLong;
import org.bpsim.predictor.spi.BranchKind;

/**
 * What {@code bpsim info} found in one pass over a trace.
 *
 * @param instructions the instructions read, empty when the format records none
 * @param declaredInstructions the count the format states (a header), if any
 * @param branchesByKind per {@link BranchKind}, in its order
 */
public record TraceSummary(String trace, String format, String compression,
    OptionalLong instructions, OptionalLong declaredInstructions, List<Long> branchesByKind,
    long distinctPcs, long conditionalTaken) {

  public long branches() {
    return branchesByKind.stream().mapToLong(Long::longValue).sum();
  }
}
