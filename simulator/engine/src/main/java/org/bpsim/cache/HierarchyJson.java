package org.bpsim.cache;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.bpsim.error.UserException;

/**
 * Reads the data-cache hierarchy of a machine file: its {@code "caches"} object,
 *
 * <pre>
 * "caches": {
 *   "lineBytes": 64,
 *   "inclusion": "non-inclusive",
 *   "data": [
 *     {"name": "L1D", "sizeBytes": 32768, "ways": 8, "latency": 4, "replacement": "lru"},
 *     {"name": "L2", "sizeBytes": 1048576, "ways": 16, "latency": 14, "replacement": "srrip",
 *      "lineBytes": 128}
 *   ]
 * }
 * </pre>
 *
 * {@code caches.lineBytes} is every level's line size unless the level gives its own.
 *
 * Every problem is reported as one line naming the file and the offending key.
 */
public final class HierarchyJson {
  /** A key given twice is refused (Jackson names it), never "the last value wins". */
  private static final ObjectMapper MAPPER = com.fasterxml.jackson.databind.json.JsonMapper
      .builder().enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .build();
  private static final Set<String> CACHES_KEYS =
      Set.of("lineBytes", "inclusion", "data", "instruction");
  private static final Set<String> LEVEL_KEYS =
      Set.of("name", "sizeBytes", "ways", "latency", "replacement", "lineBytes");

  private HierarchyJson() {
  }

  public static HierarchyConfig read(Path file) throws IOException {
    JsonNode root;
    try {
      root = MAPPER.readTree(Files.readString(file));
    } catch (NoSuchFileException e) {
      throw new UserException(file + ": no such machine file");
    } catch (JsonProcessingException e) {
      String problem = e.getOriginalMessage().replace('\n', ' ');
      if (problem.startsWith("Duplicate field ")) {
        throw new UserException(file + ": line " + e.getLocation().getLineNr() + ": key "
            + problem.substring("Duplicate field ".length()) + " is given twice; give it once");
      }
      throw new UserException(file + ": line " + e.getLocation().getLineNr() + ": not valid JSON ("
          + problem + ")");
    }
    if (root == null || !root.isObject()) {
      throw new UserException(file + ": a machine file is a JSON object");
    }
    return parse(file, root);
  }

  /** The data hierarchy of a parsed machine file. */
  public static HierarchyConfig parse(Path file, JsonNode root) {
    JsonNode caches = root.get("caches");
    if (caches == null || !caches.isObject()) {
      throw new UserException(file + ": missing object \"caches\"");
    }
    checkKeys(file, "caches", caches, CACHES_KEYS);
    int line = (int) integer(file, "caches.lineBytes", caches.get("lineBytes"), 1,
        1 << 20);
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
    int line = (int) integer(file, "caches.lineBytes", caches.get("lineBytes"), 1, 1 << 20);
    return level(file, "caches.instruction", node, line, "L1I");
  }

  private static CacheConfig level(Path file, String where, JsonNode level, int line,
      String defaultName) {
    if (!level.isObject()) {
      throw new UserException(file + ": " + where + " must be an object");
    }
    checkKeys(file, where, level, LEVEL_KEYS);
    String name = level.has("name") ? level.get("name").asText() : defaultName;
    long size = integer(file, where + ".sizeBytes", level.get("sizeBytes"), 1, 1L << 40);
    int ways = (int) integer(file, where + ".ways", level.get("ways"), 1, 1 << 16);
    int latency = level.has("latency")
        ? (int) integer(file, where + ".latency", level.get("latency"), 0, 1 << 20) : 1;
    String replacement = level.has("replacement") ? level.get("replacement").asText() : "lru";
    int lineBytes = level.has("lineBytes")
        ? (int) integer(file, where + ".lineBytes", level.get("lineBytes"), 1, 1 << 20) : line;
    try {
      return new CacheConfig(name, size, ways, lineBytes, latency, replacement);
    } catch (IllegalArgumentException e) {
      throw new UserException(file + ": " + where + ": " + e.getMessage());
    }
  }

  private static void checkKeys(Path file, String where, JsonNode node, Set<String> allowed) {
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String key = names.next();
      if (!allowed.contains(key)) {
        throw new UserException(file + ": " + where + ": unknown key \"" + key + "\" (valid: "
            + String.join(", ", new java.util.TreeSet<>(allowed)) + ")");
      }
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
