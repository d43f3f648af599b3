package org.bpsim.machine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.bpsim.cache.CacheConfig;
import org.bpsim.cache.HierarchyConfig;
import org.bpsim.cache.HierarchyJson;
import org.bpsim.cache.Inclusion;
import org.bpsim.error.UserException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The snake_case keys of machine files and their cache hierarchies: each lands in its own field,
 * and each camelCase key of earlier versions is refused with one line naming its new spelling.
 */
final class MachineFileKeysTest {
  private static final Path FILE = Path.of("machine.json");
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Every key a machine file may hold, each with a value no other key has (and both booleans of
   * the fetch object different), so that a key read into the wrong field cannot go unnoticed.
   */
  private static final String EVERY_KEY = """
      {"name": "every-key", "description": "one of each",
       "core": {"model": "dataflow", "width": 3, "rob_size": 101, "fetch_to_execute": 7,
        "fetch": {"max_branches": 5, "stop_at_taken": true, "stop_at_indirect": false},
        "lanes": {"alu": 6, "memory": 2},
        "latency": {"simple": 9, "floating_point": 11, "slow_integer": 13,
          "address_generation": 15},
        "targets": "btb", "btb": {"sets": 64, "ways": 19}, "ras_entries": 23,
        "retire_width": 29, "register_file_size": 31, "scheduler_size": 37,
        "count_merged_misses": true, "execute_width": 41},
       "caches": {"line_bytes": 32, "inclusion": "inclusive",
        "instruction": {"name": "I", "size_bytes": 8192, "ways": 1, "latency": 53,
          "replacement": "fifo", "line_bytes": 64},
        "data": [
          {"name": "D1", "size_bytes": 16384, "ways": 4, "latency": 59, "replacement": "lru"},
          {"name": "D2", "size_bytes": 262144, "ways": 8, "latency": 61, "replacement": "srrip",
           "line_bytes": 128}]},
       "memory": {"latency": 43, "cycles_per_block": 47}}
      """;

  @TempDir
  Path folder;

  @Test
  void everyKeyLandsInItsOwnField() {
    CoreConfig core = new CoreConfig(3, 101, 7, 5, true, false, 6, 2,
        new CoreConfig.ExecutionLatencies(9, 11, 13, 15), false, 64, 19, 23, false,
        CoreConfig.Btb.SET_ASSOCIATIVE, 29, 31, 37, true, 41);
    CacheConfig instruction = new CacheConfig("I", 8192, 1, 64, 53, "fifo");
    HierarchyConfig data = new HierarchyConfig(List.of(
        new CacheConfig("D1", 16384, 4, 32, 59, "lru"),
        new CacheConfig("D2", 262144, 8, 128, 61, "srrip")), Inclusion.INCLUSIVE);
    MachineConfig expected = new MachineConfig("every-key", "one of each", core, instruction,
        data, new MemoryConfig(43, 47));
    assertEquals(expected, Machines.parse(FILE, EVERY_KEY));
  }

  /** The two fetch booleans the other way round, so that swapping them would show. */
  @Test
  void theFetchStopsAreNotSwapped() {
    String flipped = EVERY_KEY.replace("\"stop_at_taken\": true, \"stop_at_indirect\": false",
        "\"stop_at_taken\": false, \"stop_at_indirect\": true");
    CoreConfig core = Machines.parse(FILE, flipped).core();
    assertEquals(false, core.fetchStopsAtTaken());
    assertEquals(true, core.fetchStopsAtIndirect());
  }

  /**
   * The file above holds every valid key of each object, none missing: an unknown key at each
   * place is refused with a list of valid keys that is exactly the keys the file has there.
   */
  @ParameterizedTest
  @MethodSource("objects")
  void theFileAboveHoldsEveryValidKey(String where) throws IOException {
    ObjectNode root = (ObjectNode) JSON.readTree(EVERY_KEY);
    ObjectNode object = at(root, where);
    TreeSet<String> present = new TreeSet<>();
    object.fieldNames().forEachRemaining(present::add);
    if (where.equals("machine")) {
      // The optional "tlb" object has keys of its own, all snake_case from the start, and is
      // read and refused key by key in TlbMachineFileTest.
      present.add("tlb");
    }
    object.put("colour", 1);
    UserException e = assertThrows(UserException.class,
        () -> Machines.parse(FILE, JSON.writeValueAsString(root)));
    assertEquals(FILE + ": " + where + ": unknown key \"colour\" (valid: "
        + String.join(", ", present) + ")", e.getMessage());
  }

  static Stream<String> objects() {
    return Stream.of("machine", "core", "core.fetch", "core.lanes", "core.latency", "core.btb",
        "memory", "caches", "caches.instruction", "caches.data[1]");
  }

  /** Every renamed key: the object it is in, its old spelling, its new one. */
  static Stream<Arguments> renamed() {
    return Stream.of(
        Arguments.of("core", "robSize", "rob_size"),
        Arguments.of("core", "fetchToExecute", "fetch_to_execute"),
        Arguments.of("core", "rasEntries", "ras_entries"),
        Arguments.of("core.fetch", "maxBranches", "max_branches"),
        Arguments.of("core.fetch", "stopAtTaken", "stop_at_taken"),
        Arguments.of("core.fetch", "stopAtIndirect", "stop_at_indirect"),
        Arguments.of("core.latency", "floatingPoint", "floating_point"),
        Arguments.of("core.latency", "slowInteger", "slow_integer"),
        Arguments.of("core.latency", "addressGeneration", "address_generation"),
        Arguments.of("memory", "cyclesPerBlock", "cycles_per_block"),
        Arguments.of("caches", "lineBytes", "line_bytes"),
        Arguments.of("caches.instruction", "sizeBytes", "size_bytes"),
        Arguments.of("caches.instruction", "lineBytes", "line_bytes"),
        Arguments.of("caches.data[0]", "sizeBytes", "size_bytes"),
        Arguments.of("caches.data[1]", "sizeBytes", "size_bytes"),
        Arguments.of("caches.data[1]", "lineBytes", "line_bytes"));
  }

  /** The rows of {@link #renamed} that the cache model alone reads (not the instruction cache). */
  static Stream<Arguments> renamedInTheDataHierarchy() {
    return renamed().filter(row -> {
      String where = (String) row.get()[0];
      return where.equals("caches") || where.startsWith("caches.data");
    });
  }

  @ParameterizedTest(name = "{0}.{1}")
  @MethodSource("renamed")
  void anOldKeyIsRefusedNamingItsNewSpelling(String where, String old, String now)
      throws IOException {
    String text = withOldKey(where, old, now);
    UserException e = assertThrows(UserException.class, () -> Machines.parse(FILE, text));
    assertEquals(FILE + ": " + where + ": key '" + old + "' was renamed '" + now + "'",
        e.getMessage());
  }

  /**
   * {@code bpsim cache --machine FILE} reads only the data hierarchy; an old key there is
   * refused the same way.
   */
  @ParameterizedTest(name = "{0}.{1}")
  @MethodSource("renamedInTheDataHierarchy")
  void theCacheHierarchyAloneRefusesTheOldKeysOfItsLevels(String where, String old, String now)
      throws IOException {
    Path file = folder.resolve("hierarchy.json");
    Files.writeString(file, withOldKey(where, old, now));
    UserException e = assertThrows(UserException.class, () -> HierarchyJson.read(file));
    assertEquals(file + ": " + where + ": key '" + old + "' was renamed '" + now + "'",
        e.getMessage());
  }

  /**
   * With the test above, the rename table is whole: no valid key is camelCase any more, and the
   * presets use the new keys only.
   */
  @Test
  void thePresetsAndTheFileAboveAreSnakeCaseOnly() throws IOException {
    List<String> keys = new ArrayList<>();
    collectKeys(JSON.readTree(EVERY_KEY), keys);
    for (String preset : Machines.PRESETS) {
      try (var in = Machines.class.getResourceAsStream("presets/" + preset + ".json")) {
        collectKeys(JSON.readTree(in), keys);
      }
    }
    for (String key : keys) {
      assertTrue(key.matches("[a-z][a-z0-9_]*"), key);
    }
  }

  /** Only the old key changes its message; other problems keep theirs, naming the new key. */
  @Test
  void badValuesNameTheNewKeys() {
    UserException e = assertThrows(UserException.class,
        () -> Machines.parse(FILE, EVERY_KEY.replace("\"rob_size\": 101", "\"rob_size\": 0")));
    assertEquals(FILE + ": rob_size must be > 0, not 0", e.getMessage());
    e = assertThrows(UserException.class, () -> Machines.parse(FILE,
        EVERY_KEY.replace("\"cycles_per_block\": 47", "\"cycles_per_block\": -1")));
    assertEquals(FILE + ": memory.cycles_per_block must be >= 0, not -1", e.getMessage());
    e = assertThrows(UserException.class, () -> Machines.parse(FILE,
        EVERY_KEY.replace("\"floating_point\": 11, ", "")));
    assertEquals(FILE + ": missing core.latency.floating_point", e.getMessage());
    e = assertThrows(UserException.class, () -> Machines.parse(FILE,
        EVERY_KEY.replace("\"line_bytes\": 32", "\"line_bytes\": 0")));
    assertEquals(FILE + ": caches.line_bytes must be a whole number in 1..1048576, not 0",
        e.getMessage());
  }

  private static void collectKeys(JsonNode node, List<String> keys) {
    if (node.isObject()) {
      node.fieldNames().forEachRemaining(keys::add);
    }
    node.elements().forEachRemaining(child -> collectKeys(child, keys));
  }

  /** The every-key file with {@code now} spelled {@code old} in the object at {@code where}. */
  private static String withOldKey(String where, String old, String now) throws IOException {
    ObjectNode root = (ObjectNode) JSON.readTree(EVERY_KEY);
    ObjectNode object = at(root, where);
    assertTrue(object.has(now), where + " has no " + now);
    object.set(old, object.remove(now));
    return JSON.writeValueAsString(root);
  }

  /** The object at a path such as {@code core.fetch} or {@code caches.data[1]}. */
  private static ObjectNode at(ObjectNode root, String where) {
    JsonNode node = root;
    if (!where.equals("machine")) {
      for (String step : where.split("\\.")) {
        int bracket = step.indexOf('[');
        if (bracket < 0) {
          node = node.get(step);
        } else {
          node = node.get(step.substring(0, bracket))
              .get(Integer.parseInt(step.substring(bracket + 1, step.length() - 1)));
        }
      }
    }
    return (ObjectNode) node;
  }
}
