package org.bpsim.cache.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bpsim.cache.Cache;
import org.bpsim.cache.CacheHierarchy;
import org.bpsim.cache.CacheStats;
import org.bpsim.cache.HierarchyConfig;
import org.bpsim.report.PrettyJson;

/**
 * {@code bpsim cache --format json}: the hierarchy's geometry and each level's counts, then the
 * traffic to memory, with snake_case keys as every bpsim JSON document has.
 */
public final class CacheJson {
  private CacheJson() {
  }

  /** {@code trace} is the path as the user gave it. */
  public static String render(HierarchyConfig config, String trace, CacheHierarchy hierarchy) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("trace", trace);
    root.put("inclusion", config.inclusion().id());
    root.put("line_bytes", config.lineBytes());
    List<Map<String, Object>> levels = new ArrayList<>();
    for (Cache cache : hierarchy.levels()) {
      CacheStats stats = cache.stats();
      Map<String, Object> level = new LinkedHashMap<>();
      level.put("name", stats.name());
      level.put("size_bytes", cache.config().sizeBytes());
      level.put("ways", cache.config().ways());
      level.put("sets", cache.sets());
      level.put("replacement", cache.config().replacement());
      level.put("reads", stats.reads());
      level.put("read_misses", stats.readMisses());
      level.put("writes", stats.writes());
      level.put("write_misses", stats.writeMisses());
      level.put("miss_rate", stats.missRate());
      level.put("writebacks", stats.writebacks());
      level.put("back_invalidations", stats.backInvalidations());
      levels.add(level);
    }
    root.put("levels", levels);
    Map<String, Object> memory = new LinkedHashMap<>();
    memory.put("reads", hierarchy.memoryReads());
    memory.put("writes", hierarchy.memoryWrites());
    memory.put("traffic", hierarchy.memoryTraffic());
    root.put("memory", memory);
    return PrettyJson.render(root);
  }
}
