package org.bpsim.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bpsim.pipeline.CoreResult;
import org.bpsim.pipeline.LevelResult;
import org.bpsim.pipeline.SimulationResult;

/**
 * {@code bpsim simulate --format json}: every run (one per LLC mode) with its cores' figures.
 * The figures {@code pipeline.json} also holds have its key names ({@code weighted_speedup},
 * {@code ipc_alone}, {@code cpi_stack}, {@code mispredictions_by_type}); rates of a window that
 * counted nothing are null.
 */
public final class SimulationJson {
  private SimulationJson() {
  }

  public static String render(List<SimulationResult> results) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("machine", results.get(0).machine());
    root.put("predictor", results.get(0).predictor());
    List<Object> runs = new ArrayList<>();
    for (SimulationResult result : results) {
      Map<String, Object> run = new LinkedHashMap<>();
      run.put("llc", result.mode().id());
      run.put("weighted_speedup", result.weightedSpeedup());
      run.put("harmonic_speedup", result.harmonicSpeedup());
      List<Object> cores = new ArrayList<>();
      for (int i = 0; i < result.cores().size(); i++) {
        cores.add(core(result.cores().get(i), result.ipcAlone().get(i)));
      }
      run.put("cores", cores);
      runs.add(run);
    }
    root.put("runs", runs);
    if (results.size() == 2) {
      Map<String, Object> difference = new LinkedHashMap<>();
      difference.put("weighted_speedup",
          results.get(0).weightedSpeedup() - results.get(1).weightedSpeedup());
      List<Double> ipc = new ArrayList<>();
      for (int i = 0; i < results.get(0).cores().size(); i++) {
        ipc.add(results.get(0).cores().get(i).ipc() - results.get(1).cores().get(i).ipc());
      }
      difference.put("ipc", ipc);
      root.put("shared_minus_private", difference);
    }
    return PrettyJson.render(root);
  }

  private static Map<String, Object> core(CoreResult core, double ipcAlone) {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("core", core.core());
    c.put("trace", core.trace());
    c.put("instructions", core.instructions());
    c.put("cycles", core.cycles());
    c.put("ipc", core.ipc());
    c.put("ipc_alone", ipcAlone);
    Map<String, Object> branches = new LinkedHashMap<>();
    branches.put("conditional", core.conditionalBranches());
    branches.put("direction_mispredictions", core.directionMispredictions());
    branches.put("target_mispredictions", core.targetMispredictions());
    branches.put("return_mispredictions", core.returnMispredictions());
    branches.put("mispredictions_by_type", core.mispredictionsByType());
    branches.put("mpki", core.branchMpki());
    c.put("branches", branches);
    Map<String, Object> caches = new LinkedHashMap<>();
    caches.put("instruction", levels(core.instructionLevels()));
    caches.put("data", levels(core.dataLevels()));
    c.put("caches", caches);
    c.put("cpi_stack", core.cpiStack());
    if (core.llcOccupancy() >= 0) {
      c.put("llc_occupancy", core.llcOccupancy());
      c.put("inter_core_evictions", core.interCoreEvictions());
    }
    return c;
  }

  private static List<Object> levels(List<LevelResult> levels) {
    List<Object> rows = new ArrayList<>();
    for (LevelResult level : levels) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("name", level.name());
      row.put("accesses", level.accesses());
      row.put("hits", level.hits());
      row.put("misses", level.misses());
      row.put("mpki", level.mpki());
      row.put("writebacks", level.writebacks());
      row.put("prefetches", level.prefetches());
      row.put("prefetch_misses", level.prefetchMisses());
      rows.add(row);
    }
    return rows;
  }
}
