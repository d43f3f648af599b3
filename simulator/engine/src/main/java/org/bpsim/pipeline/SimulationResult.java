package org.bpsim.pipeline;

import java.util.List;

/**
 * A multi-core run in one LLC mode, with each trace's IPC when run alone on the same machine.
 *
 * @param ipcAlone per core, the IPC of its trace alone (same machine and LLC mode, one core)
 */
public record SimulationResult(LlcMode mode, String machine, String predictor,
    List<CoreResult> cores, List<Double> ipcAlone) {

  /** Sum over cores of IPC together / IPC alone. */
  public double weightedSpeedup() {
    double sum = 0;
    for (int i = 0; i < cores.size(); i++) {
      sum += cores.get(i).ipc() / ipcAlone.get(i);
    }
    return sum;
  }

  /** Harmonic mean over cores of IPC together / IPC alone. */
  public double harmonicSpeedup() {
    double sum = 0;
    for (int i = 0; i < cores.size(); i++) {
      sum += ipcAlone.get(i) / cores.get(i).ipc();
    }
    return cores.size() / sum;
  }
}
