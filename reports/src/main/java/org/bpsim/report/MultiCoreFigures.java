package org.bpsim.report;

import java.util.List;

/**
 * One multi-core run of the timing model: one trace per core, all in one last-level-cache mode.
 *
 * @param llc "shared" (one LLC for all cores) or "private" (each core an LLC of size / cores)
 * @param predictor canonical spec of the predictor every core used
 * @param cores per core, in core order, its figures while running together with the others
 * @param ipcAlone per core, the IPC of its trace alone on the same machine in the same mode
 * @param weightedSpeedup sum over cores of IPC together / IPC alone
 */
public record MultiCoreFigures(String llc, String predictor, List<PipelineCoreFigures> cores,
    List<Double> ipcAlone, double weightedSpeedup) {

  public MultiCoreFigures {
    cores = List.copyOf(cores);
    ipcAlone = List.copyOf(ipcAlone);
    if (cores.size() != ipcAlone.size()) {
      throw new IllegalArgumentException(cores.size() + " cores but " + ipcAlone.size()
          + " alone figures");
    }
  }
}
