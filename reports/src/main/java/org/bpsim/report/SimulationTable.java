package org.bpsim.report;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bpsim.pipeline.CoreResult;
import org.bpsim.pipeline.LevelResult;
import org.bpsim.pipeline.SimulationResult;

/**
 * {@code bpsim simulate}'s table: per LLC mode a header, one line per core (with its CPI stack and
 * mispredictions by type below it) and the speedups; with both modes, their differences. Rates of
 * a window that counted nothing read "n/a".
 */
public final class SimulationTable {
  private SimulationTable() {
  }

  /** {@code value} in {@code format}, or "n/a" padded to the same width when it is NaN. */
  private static String number(String format, double value) {
    if (!Double.isNaN(value)) {
      return String.format(Locale.ROOT, format, value);
    }
    int width = format.matches("%\\d+.*") ? Integer.parseInt(format.replaceAll("%(\\d+).*",
        "$1")) : 0;
    return width == 0 ? "n/a" : String.format(Locale.ROOT, "%" + width + "s", "n/a");
  }

  public static String render(List<SimulationResult> results) {
    StringBuilder out = new StringBuilder();
    for (SimulationResult result : results) {
      out.append(String.format(Locale.ROOT, "machine %s, predictor %s, LLC %s%n",
          result.machine(), result.predictor(), result.mode().id()));
      out.append(String.format(Locale.ROOT, "%-4s %12s %12s %7s %9s %8s %8s %8s  %s%n", "core",
          "instructions", "cycles", "ipc", "ipc_alone", "dir_misp", "tgt_misp", "br_mpki",
          "cache mpki"));
      for (int i = 0; i < result.cores().size(); i++) {
        CoreResult core = result.cores().get(i);
        StringBuilder mpki = new StringBuilder();
        for (LevelResult level : core.instructionLevels().subList(0, 1)) {
          mpki.append(level.name()).append(' ').append(number("%.3f", level.mpki()));
        }
        for (LevelResult level : core.dataLevels()) {
          mpki.append(", ").append(level.name()).append(' ').append(number("%.3f", level.mpki()));
        }
        out.append(String.format(Locale.ROOT, "%-4d %12d %12d %s %s %8d %8d %s  %s%n",
            core.core(), core.instructions(), core.cycles(), number("%7.4f", core.ipc()),
            number("%9.4f", result.ipcAlone().get(i)), core.directionMispredictions(),
            core.targetMispredictions(), number("%8.4f", core.branchMpki()), mpki));
        StringBuilder stack = new StringBuilder();
        for (Map.Entry<String, Double> part : core.cpiStack().entrySet()) {
          stack.append(' ').append(part.getKey()).append(' ')
              .append(number("%.4f", part.getValue()));
        }
        out.append("     CPI stack:").append(stack);
        if (core.llcOccupancy() >= 0) {
          out.append(String.format(Locale.ROOT, "; LLC lines held %d, other cores' lines "
              + "evicted %d", core.llcOccupancy(), core.interCoreEvictions()));
        }
        out.append("  ").append(core.trace()).append('\n');
        StringBuilder byType = new StringBuilder("     mispredictions by type:");
        String separator = " ";
        for (Map.Entry<String, Long> type : core.mispredictionsByType().entrySet()) {
          byType.append(separator).append(type.getKey()).append(' ').append(type.getValue());
          separator = ", ";
        }
        out.append(byType).append('\n');
      }
      out.append("weighted speedup ").append(number("%.4f", result.weightedSpeedup()))
          .append(", harmonic mean speedup ").append(number("%.4f", result.harmonicSpeedup()))
          .append("\n\n");
    }
    if (results.size() == 2) {
      SimulationResult shared = results.get(0);
      SimulationResult separate = results.get(1);
      out.append("shared - private: weighted speedup ").append(number("%+.4f",
          shared.weightedSpeedup() - separate.weightedSpeedup()));
      for (int i = 0; i < shared.cores().size(); i++) {
        out.append(", core ").append(i).append(" ipc ").append(number("%+.4f",
            shared.cores().get(i).ipc() - separate.cores().get(i).ipc()));
      }
      out.append('\n');
    }
    return out.toString();
  }
}
