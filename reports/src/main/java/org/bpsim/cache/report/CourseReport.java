package org.bpsim.cache.report;

import java.util.List;
import java.util.Locale;
import org.bpsim.cache.Cache;
import org.bpsim.cache.CacheHierarchy;
import org.bpsim.cache.CacheStats;
import org.bpsim.cache.HierarchyConfig;

/**
 * The text layout of the two-level course cache simulator whose reference outputs bpsim
 * reproduces: the configuration, every set's contents, then the raw counts a. to m. Byte for byte
 * the same layout, so that outputs can be compared with {@code diff}.
 */
public final class CourseReport {
  private CourseReport() {
  }

  /** Whether this layout can show {@code config} (it has columns for two levels). */
  public static boolean fits(HierarchyConfig config) {
    return config.levels().size() <= 2;
  }

  public static String render(HierarchyConfig config, String traceName, CacheHierarchy hierarchy) {
    if (!fits(config)) {
      throw new IllegalArgumentException("the course layout shows at most two levels");
    }
    StringBuilder out = new StringBuilder();
    List<Cache> levels = hierarchy.levels();
    Cache l1 = levels.get(0);
    Cache l2 = levels.size() > 1 ? levels.get(1) : null;
    out.append("===== Simulator configuration =====\n");
    setting(out, "BLOCKSIZE:", Integer.toString(config.lineBytes()));
    setting(out, "L1_SIZE:", Long.toString(l1.config().sizeBytes()));
    setting(out, "L1_ASSOC:", Integer.toString(l1.config().ways()));
    setting(out, "L2_SIZE:", l2 == null ? "0" : Long.toString(l2.config().sizeBytes()));
    setting(out, "L2_ASSOC:", l2 == null ? "0" : Integer.toString(l2.config().ways()));
    setting(out, "REPLACEMENT POLICY:", l1.config().replacement().toUpperCase(Locale.ROOT));
    setting(out, "INCLUSION PROPERTY:", config.inclusion().id());
    setting(out, "trace_file:", traceName);
    contents(out, "L1", l1);
    if (l2 != null) {
      contents(out, "L2", l2);
    }
    CacheStats s1 = l1.stats();
    CacheStats s2 = l2 == null ? null : l2.stats();
    out.append("===== Simulation results (raw) =====\n");
    result(out, "a. number of L1 reads:", Long.toString(s1.reads()));
    result(out, "b. number of L1 read misses:", Long.toString(s1.readMisses()));
    result(out, "c. number of L1 writes:", Long.toString(s1.writes()));
    result(out, "d. number of L1 write misses:", Long.toString(s1.writeMisses()));
    result(out, "e. L1 miss rate:", rate(s1.misses(), s1.accesses()));
    result(out, "f. number of L1 writebacks:", Long.toString(s1.writebacks()));
    result(out, "g. number of L2 reads:", s2 == null ? "0" : Long.toString(s2.reads()));
    result(out, "h. number of L2 read misses:", s2 == null ? "0" : Long.toString(s2.readMisses()));
    result(out, "i. number of L2 writes:", s2 == null ? "0" : Long.toString(s2.writes()));
    result(out, "j. number of L2 write misses:",
        s2 == null ? "0" : Long.toString(s2.writeMisses()));
    // The course defines the L2 miss rate over reads only: writes into L2 are L1's writebacks.
    result(out, "k. L2 miss rate:", s2 == null ? "0" : rate(s2.readMisses(), s2.reads()));
    result(out, "l. number of L2 writebacks:", s2 == null ? "0" : Long.toString(s2.writebacks()));
    result(out, "m. total memory traffic:", Long.toString(hierarchy.memoryTraffic()));
    return out.toString();
  }

  private static void setting(StringBuilder out, String key, String value) {
    out.append(String.format(Locale.ROOT, "%-23s%s%n", key, value).replace("\r\n", "\n"));
  }

  private static void result(StringBuilder out, String key, String value) {
    out.append(String.format(Locale.ROOT, "%-30s%s%n", key, value).replace("\r\n", "\n"));
  }

  private static String rate(long part, long whole) {
    return String.format(Locale.ROOT, "%.6f", whole == 0 ? 0.0 : (double) part / whole);
  }

  private static void contents(StringBuilder out, String name, Cache cache) {
    out.append("===== ").append(name).append(" contents =====\n");
    for (int set = 0; set < cache.sets(); set++) {
      out.append(String.format(Locale.ROOT, "Set     %-8s", set + ":"));
      for (int way = 0; way < cache.ways(); way++) {
        if (!cache.isValid(set, way)) {
          continue;
        }
        String entry = Long.toHexString(cache.tagOf(cache.blockAt(set, way)))
            + (cache.isDirty(set, way) ? " D" : "  ");
        out.append(String.format(Locale.ROOT, "%-10s", entry));
      }
      out.append('\n');
    }
  }
}
