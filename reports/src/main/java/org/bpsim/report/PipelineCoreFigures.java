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
 * @param mispredictionsByType mispredicted branches by ChampSim's six branch types ({@code
 *     conditional}, {@code direct_jump}, {@code indirect_jump}, {@code direct_call}, {@code
 *     indirect_call}, {@code return}), each branch once whether its direction or target was
 *     wrong; empty when read from a file written before they were recorded
 */
public record PipelineCoreFigures(String trace, String predictor, long instructions, long cycles,
    double ipc, Map<String, Double> cpiStack, Map<String, Long> mispredictionsByType) {

  public PipelineCoreFigures {
    cpiStack = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(cpiStack));
    mispredictionsByType = java.util.Collections.unmodifiableMap(
        new java.util.LinkedHashMap<>(mispredictionsByType));
  }

  /** The CPI stack's causes, in order. */
  public List<String> causes() {
    return List.copyOf(cpiStack.keySet());
  }
}
