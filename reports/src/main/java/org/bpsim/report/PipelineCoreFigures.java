package org.bpsim.report;

import java.util.List;
import java.util.Map;

/**
 * What the timing model measured for one core: its trace under one predictor.
 *
 * @param trace the trace's report name
 * @param predictor canonical predictor spec
 * @param instructions counted instructions
 * @param cycles simulated cycles
 * @param ipc instructions per cycle
 * @param cpiStack cycles per instruction by cause, in order (base, branch, icache, each data level
 *     beyond the L1D, memory); the parts add up to 1 / ipc
 */
public record PipelineCoreFigures(String trace, String predictor, long instructions, long cycles,
    double ipc, Map<String, Double> cpiStack) {

  public PipelineCoreFigures {
    cpiStack = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(cpiStack));
  }

  /** The CPI stack's causes, in order. */
  public List<String> causes() {
    return List.copyOf(cpiStack.keySet());
  }
}
