package org.bpsim.cache;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bpsim.error.UserException;
import org.bpsim.json.StrictJson;
import org.bpsim.json.StrictJson.Keys;

/**
 * Reads the data-cache hierarchy of a machine file: its {@code "caches"} object,
 *
 * <pre>
 * "caches": {
 *   "line_bytes": 64,
 *   "inclusion": "non-inclusive",
 *   "data": [
 *     {"name": "L1D", "size_bytes": 32768, "ways": 8, "latency": 4, "replacement": "lru"},
 *     {"name": "L2", "size_bytes": 1048576, "ways": 16, "latency": 14, "replacement": "srrip",
 *      "line_bytes": 128}
 *   ]
 * }
 * </pre>
 *
 * {@code caches.line_bytes} is every level's line size unless the level gives its own.
 *
 * Every problem is reported as one line naming the file and the offending key; the camelCase
 * keys of earlier versions ({@code lineBytes}, {@code sizeBytes}) are refused with their new name.
 */
public final class HierarchyJson {
  private static final Keys CACHES_KEYS = new Keys(
      Set.of("line_bytes", "inclusion", "data", "instruction"),
      Map.of("lineBytes", "line_bytes"));
  private static final Keys LEVEL_KEYS = new Keys(
      Set.of("name", "size_bytes", "ways", "latency", "replacement", "line_bytes"),
      Map.of("sizeBytes", "size_bytes", "lineBytes", "line_bytes"));

  private HierarchyJson() {
  }

  public static HierarchyConfig read(Path file) throws IOException {
    String text;
    try {
      text = Files.readString(file);
    } catch (NoSuchFileException e) {
      throw new UserException(file + ": no such machine file");
    }
    return parse(file, StrictJson.parseObject(file, text, "a machine file"));
  }

  /** The data hierarchy of a parsed machine file. */
  public static HierarchyConfig parse(Path file, JsonNode root) {
    JsonNode caches = root.get("caches");
    if (caches == null || !caches.isObject()) {
      throw new UserException(file + ": missing object \"caches\"");
    }
    StrictJson.checkKeys(file, "caches", caches, CACHES_KEYS);
    int line = (int) integer(file, "caches.line_bytes", caches.get("line_bytes"), 1, 1 << 20);
    Inclusion inclusion = Inclusion.NON_INCLUSIVE;
    JsonNode inclusionNode = caches.get("inclusion");
    if (inclusionNode != null) {
      try {
        inclusion = Inclusion.ofId(inclusionNode.asText());
      } catch (IllegalArgumentException e) {
        throw new UserException(file + ": caches.inclusion: " + e.getMessage());
      }
    }
    JsonNode data = caches.get("data");
    if (data == null || !data.isArray() || data.isEmpty()) {
      throw new UserException(file + ": caches.data must be a non-empty array of levels");
    }
    List<CacheConfig> levels = new ArrayList<>();
    for (int i = 0; i < data.size(); i++) {
      levels.add(level(file, "caches.data[" + i + "]", data.get(i), line, "L" + (i + 1)));
    }
    try {
      return new HierarchyConfig(levels, inclusion);
    } catch (IllegalArgumentException e) {
      throw new UserException(file + ": caches: " + e.getMessage());
    }
  }

  /** The {@code caches.instruction} level of a machine file, or null when it has none. */
  public static CacheConfig instructionCache(Path file, JsonNode root) {
    JsonNode caches = root.get("caches");
    JsonNode node = caches == null ? null : caches.get("instruction");
    if (node == null) {
      return null;
    }
    int line = (int) integer(file, "caches.line_bytes", caches.get("line_bytes"), 1, 1 << 20);
    return level(file, "caches.instruction", node, line, "L1I");
  }

  private static CacheConfig level(Path file, String where, JsonNode level, int line,
      String defaultName) {
    if (!level.isObject()) {
      throw new UserException(file + ": " + where + " must be an object");
    }
    StrictJson.checkKeys(file, where, level, LEVEL_KEYS);
    String name = level.has("name") ? level.get("name").asText() : defaultName;
    long size = integer(file, where + ".size_bytes", level.get("size_bytes"), 1, 1L << 40);
    int ways = (int) integer(file, where + ".ways", level.get("ways"), 1, 1 << 16);
    int latency = level.has("latency")
        ? (int) integer(file, where + ".latency", level.get("latency"), 0, 1 << 20) : 1;
    String replacement = level.has("replacement") ? level.get("replacement").asText() : "lru";
    int lineBytes = level.has("line_bytes")
        ? (int) integer(file, where + ".line_bytes", level.get("line_bytes"), 1, 1 << 20) : line;
    try {
      return new CacheConfig(name, size, ways, lineBytes, latency, replacement);
    } catch (IllegalArgumentException e) {
      throw new UserException(file + ": " + where + ": " + e.getMessage());
    }
  }

  static long integer(Path file, String where, JsonNode node, long min, long max) {
    if (node == null) {
      throw new UserException(file + ": missing " + where);
    }
    if (!node.isIntegralNumber() || node.asLong() < min || node.asLong() > max) {
      throw new UserException(file + ": " + where + " must be a whole number in " + min + ".."
          + max + ", not " + node);
    }
    return node.asLong();
  }
}
