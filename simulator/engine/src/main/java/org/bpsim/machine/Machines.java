package org.bpsim.machine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.bpsim.cache.CacheConfig;
import org.bpsim.cache.HierarchyConfig;
import org.bpsim.cache.HierarchyJson;
import org.bpsim.error.UserException;

/**
 * Machine configurations: JSON files with every parameter, and the presets shipped in the jar.
 * {@code --machine NAME} names a preset; anything else is read as a file.
 */
public final class Machines {
  /** The presets in the jar, by name (each is {@code presets/NAME.json} beside this class). */
  public static final List<String> PRESETS = List.of("cbp2025", "champsim", "small");

  /** A key given twice is refused (Jackson names it), never "the last value wins". */
  private static final ObjectMapper MAPPER = com.fasterxml.jackson.databind.json.JsonMapper
      .builder().enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .build();
  private static final Set<String> ROOT_KEYS =
      Set.of("name", "description", "core", "caches", "memory", "tlb");
  private static final Set<String> CORE_KEYS = Set.of("width", "robSize", "fetchToExecute",
      "fetch", "lanes", "latency", "targets", "btb", "rasEntries", "model", "retire_width",
      "register_file_size", "scheduler_size", "count_merged_misses", "execute_width");
  private static final Set<String> MODELS = Set.of("dataflow", "cbp2025-kit");
  private static final Set<String> FETCH_KEYS = Set.of("maxBranches", "stopAtTaken",
      "stopAtIndirect");
  private static final Set<String> LANE_KEYS = Set.of("alu", "memory");
  private static final Set<String> LATENCY_KEYS = Set.of("simple", "floatingPoint",
      "slowInteger", "addressGeneration");
  private static final Set<String> TARGETS = Set.of("btb", "perfect");
  private static final Set<String> BTB_KEYS = Set.of("sets", "ways");
  /** {@code "btb": "basic_btb"} names ChampSim's BTB instead of a sets × ways one. */
  private static final String BASIC_BTB = "basic_btb";
  private static final Set<String> MEMORY_KEYS = Set.of("latency", "cyclesPerBlock");

  private Machines() {
  }

  /** A preset by name, or the machine file at that path. */
  public static MachineConfig load(String presetOrFile) throws IOException {
    if (PRESETS.contains(presetOrFile)) {
      return preset(presetOrFile);
    }
    Path file = Path.of(presetOrFile);
    if (!Files.isRegularFile(file)) {
      throw new UserException("--machine: '" + presetOrFile + "' is neither a preset ("
          + String.join(", ", PRESETS) + ") nor a file");
    }
    return parse(file, Files.readString(file, StandardCharsets.UTF_8));
  }

  public static MachineConfig preset(String name) throws IOException {
    try (InputStream in = Machines.class.getResourceAsStream("presets/" + name + ".json")) {
      if (in == null) {
        throw new IllegalStateException("preset " + name + " missing from the jar");
      }
      return parse(Path.of("preset:" + name), new String(in.readAllBytes(),
          StandardCharsets.UTF_8));
    }
  }

  static MachineConfig parse(Path file, String text) {
    JsonNode root;
    try {
      root = MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      String problem = e.getOriginalMessage().replace('\n', ' ');
      if (problem.startsWith("Duplicate field ")) {
        throw new UserException(file + ": line " + e.getLocation().getLineNr() + ": key "
            + problem.substring("Duplicate field ".length()) + " is given twice; give it once");
      }
      throw new UserException(file + ": line " + e.getLocation().getLineNr()
          + ": not valid JSON (" + problem + ")");
    }
    if (root == null || !root.isObject()) {
      throw new UserException(file + ": a machine file is a JSON object");
    }
    keys(file, "machine", root, ROOT_KEYS);
    String name = root.has("name") ? root.get("name").asText()
        : file.getFileName().toString();
    String description = root.has("description") ? root.get("description").asText() : "";
    JsonNode core = object(file, root, "core");
    keys(file, "core", core, CORE_KEYS);
    JsonNode btbNode = core.get("btb");
    boolean basicBtb = btbNode != null && btbNode.isTextual();
    if (basicBtb && !btbNode.asText().equals(BASIC_BTB)) {
      throw new UserException(file + ": core.btb must be \"" + BASIC_BTB
          + "\" or an object {\"sets\": S, \"ways\": W}, not " + btbNode);
    }
    if (basicBtb && core.has("rasEntries")) {
      throw new UserException(file + ": core.rasEntries does not go with \"btb\": \""
          + BASIC_BTB + "\" (ChampSim's return stack has 64 entries); remove it");
    }
    JsonNode btb = basicBtb ? null : object(file, core, "btb");
    if (btb != null) {
      keys(file, "core.btb", btb, BTB_KEYS);
    }
    JsonNode fetch = object(file, core, "fetch");
    keys(file, "core.fetch", fetch, FETCH_KEYS);
    JsonNode lanes = object(file, core, "lanes");
    keys(file, "core.lanes", lanes, LANE_KEYS);
    JsonNode latency = object(file, core, "latency");
    keys(file, "core.latency", latency, LATENCY_KEYS);
    JsonNode targets = core.get("targets");
    if (targets == null || !targets.isTextual() || !TARGETS.contains(targets.asText())) {
      throw new UserException(file + ": core.targets must be \"btb\" or \"perfect\", not "
          + targets);
    }
    JsonNode model = core.get("model");
    if (model != null && (!model.isTextual() || !MODELS.contains(model.asText()))) {
      throw new UserException(file + ": core.model must be \"dataflow\" or \"cbp2025-kit\", not "
          + model);
    }
    boolean kit = model != null && model.asText().equals("cbp2025-kit");
    if (basicBtb && kit) {
      throw new UserException(file + ": core.btb \"" + BASIC_BTB + "\" goes with the "
          + "\"dataflow\" model, not \"cbp2025-kit\" (the kit has its own front end)");
    }
    if (basicBtb && targets.asText().equals("perfect")) {
      throw new UserException(file + ": core.btb \"" + BASIC_BTB + "\" predicts targets; it "
          + "does not go with \"targets\": \"perfect\"");
    }
    JsonNode memory = object(file, root, "memory");
    keys(file, "memory", memory, MEMORY_KEYS);
    HierarchyConfig data = HierarchyJson.parse(file, root);
    CacheConfig instruction = HierarchyJson.instructionCache(file, root);
    TlbConfig tlb = TlbJson.parse(file, root);
    if (tlb != null && kit) {
      throw new UserException(file + ": \"tlb\" goes with the \"dataflow\" model, not "
          + "\"cbp2025-kit\" (the kit's model has no TLBs)");
    }
    if (instruction == null) {
      throw new UserException(file + ": missing caches.instruction");
    }
    try {
      CoreConfig.ExecutionLatencies latencies = new CoreConfig.ExecutionLatencies(
          integer(file, latency, "simple", "core.latency."),
          integer(file, latency, "floatingPoint", "core.latency."),
          integer(file, latency, "slowInteger", "core.latency."),
          integer(file, latency, "addressGeneration", "core.latency."));
      CoreConfig coreConfig = new CoreConfig(
          integer(file, core, "width", "core."), integer(file, core, "robSize", "core."),
          integer(file, core, "fetchToExecute", "core."),
          integer(file, fetch, "maxBranches", "core.fetch."),
          bool(file, fetch, "stopAtTaken", "core.fetch."),
          bool(file, fetch, "stopAtIndirect", "core.fetch."),
          integer(file, lanes, "alu", "core.lanes."), integer(file, lanes, "memory", "core.lanes."),
          latencies, targets.asText().equals("perfect"),
          basicBtb ? CoreConfig.Btb.BASIC_BTB_SETS : integer(file, btb, "sets", "core.btb."),
          basicBtb ? CoreConfig.Btb.BASIC_BTB_WAYS : integer(file, btb, "ways", "core.btb."),
          basicBtb ? CoreConfig.Btb.BASIC_BTB_RAS_ENTRIES
              : integer(file, core, "rasEntries", "core."), kit,
          basicBtb ? CoreConfig.Btb.BASIC_BTB : CoreConfig.Btb.SET_ASSOCIATIVE,
          core.has("retire_width") ? integer(file, core, "retire_width", "core.") : 0,
          core.has("register_file_size") ? integer(file, core, "register_file_size", "core.")
              : 0,
          core.has("scheduler_size") ? integer(file, core, "scheduler_size", "core.") : 0,
          core.has("count_merged_misses")
              && bool(file, core, "count_merged_misses", "core."),
          core.has("execute_width") ? integer(file, core, "execute_width", "core.") : 0);
      MemoryConfig memoryConfig = new MemoryConfig(integer(file, memory, "latency", "memory."),
          integer(file, memory, "cyclesPerBlock", "memory."));
      return new MachineConfig(name, description, coreConfig, instruction, data, memoryConfig,
          tlb);
    } catch (IllegalArgumentException e) {
      throw new UserException(file + ": " + e.getMessage());
    }
  }

  private static JsonNode object(Path file, JsonNode parent, String key) {
    JsonNode node = parent.get(key);
    if (node == null || !node.isObject()) {
      throw new UserException(file + ": missing object \"" + key + "\"");
    }
    return node;
  }

  private static int integer(Path file, JsonNode parent, String key, String prefix) {
    JsonNode node = parent.get(key);
    if (node == null) {
      throw new UserException(file + ": missing " + prefix + key);
    }
    if (!node.isIntegralNumber() || !node.canConvertToInt()) {
      throw new UserException(file + ": " + prefix + key + " must be a whole number, not "
          + node);
    }
    return node.asInt();
  }

  private static boolean bool(Path file, JsonNode parent, String key, String prefix) {
    JsonNode node = parent.get(key);
    if (node == null) {
      throw new UserException(file + ": missing " + prefix + key);
    }
    if (!node.isBoolean()) {
      throw new UserException(file + ": " + prefix + key + " must be true or false, not " + node);
    }
    return node.asBoolean();
  }

  private static void keys(Path file, String where, JsonNode node, Set<String> allowed) {
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String key = names.next();
      if (!allowed.contains(key)) {
        throw new UserException(file + ": " + where + ": unknown key \"" + key + "\" (valid: "
            + String.join(", ", new TreeSet<>(allowed)) + ")");
      }
    }
  }
}
