package org.bpsim.machine;

import static org.bpsim.json.StrictJson.integer;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bpsim.cache.CacheConfig;
import org.bpsim.cache.HierarchyConfig;
import org.bpsim.cache.HierarchyJson;
import org.bpsim.error.UserException;
import org.bpsim.json.StrictJson;
import org.bpsim.json.StrictJson.Keys;

/**
 * Machine configurations: JSON files with every parameter, and the presets shipped in the jar.
 * {@code --machine NAME} names a preset; anything else is read as a file. Keys are snake_case;
 * the camelCase keys of earlier versions ({@code robSize}, ...) are refused with their new name.
 */
public final class Machines {
  /** The presets in the jar, by name (each is {@code presets/NAME.json} beside this class). */
  public static final List<String> PRESETS = List.of("cbp2025", "champsim", "small");

  private static final Keys ROOT_KEYS =
      Keys.of("name", "description", "core", "caches", "memory", "tlb");
  private static final Keys CORE_KEYS = new Keys(Set.of("width", "rob_size",
      "fetch_to_execute", "fetch", "lanes", "latency", "targets", "btb", "ras_entries", "model",
      "retire_width", "register_file_size", "scheduler_size", "count_merged_misses",
      "execute_width"), Map.of("robSize", "rob_size", "fetchToExecute", "fetch_to_execute",
      "rasEntries", "ras_entries"));
  private static final Set<String> MODELS = Set.of("dataflow", "cbp2025-kit");
  private static final Keys FETCH_KEYS = new Keys(
      Set.of("max_branches", "stop_at_taken", "stop_at_indirect"),
      Map.of("maxBranches", "max_branches", "stopAtTaken", "stop_at_taken",
          "stopAtIndirect", "stop_at_indirect"));
  private static final Keys LANE_KEYS = Keys.of("alu", "memory");
  private static final Keys LATENCY_KEYS = new Keys(
      Set.of("simple", "floating_point", "slow_integer", "address_generation"),
      Map.of("floatingPoint", "floating_point", "slowInteger", "slow_integer",
          "addressGeneration", "address_generation"));
  private static final Set<String> TARGETS = Set.of("btb", "perfect");
  private static final Keys BTB_KEYS = Keys.of("sets", "ways");
  /** {@code "btb": "basic_btb"} names ChampSim's BTB instead of a sets × ways one. */
  private static final String BASIC_BTB = "basic_btb";
  private static final Keys MEMORY_KEYS = new Keys(Set.of("latency", "cycles_per_block"),
      Map.of("cyclesPerBlock", "cycles_per_block"));

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
    return parse(Path.of("preset:" + name), presetText(name));
  }

  /** A preset's JSON as the jar holds it ({@code bpsim configs --show} prints it). */
  public static String presetText(String name) throws IOException {
    try (InputStream in = Machines.class.getResourceAsStream("presets/" + name + ".json")) {
      if (in == null) {
        throw new IllegalStateException("preset " + name + " missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  static MachineConfig parse(Path file, String text) {
    JsonNode root = StrictJson.parseObject(file, text, "a machine file");
    StrictJson.checkKeys(file, "machine", root, ROOT_KEYS);
    String name = root.has("name") ? root.get("name").asText()
        : file.getFileName().toString();
    String description = root.has("description") ? root.get("description").asText() : "";
    JsonNode core = object(file, root, "core");
    StrictJson.checkKeys(file, "core", core, CORE_KEYS);
    JsonNode btbNode = core.get("btb");
    boolean basicBtb = btbNode != null && btbNode.isTextual();
    if (basicBtb && !btbNode.asText().equals(BASIC_BTB)) {
      throw new UserException(file + ": core.btb must be \"" + BASIC_BTB
          + "\" or an object {\"sets\": S, \"ways\": W}, not " + btbNode);
    }
    if (basicBtb && core.has("ras_entries")) {
      throw new UserException(file + ": core.ras_entries does not go with \"btb\": \""
          + BASIC_BTB + "\" (ChampSim's return stack has 64 entries); remove it");
    }
    JsonNode btb = basicBtb ? null : object(file, core, "btb");
    if (btb != null) {
      StrictJson.checkKeys(file, "core.btb", btb, BTB_KEYS);
    }
    JsonNode fetch = object(file, core, "fetch");
    StrictJson.checkKeys(file, "core.fetch", fetch, FETCH_KEYS);
    JsonNode lanes = object(file, core, "lanes");
    StrictJson.checkKeys(file, "core.lanes", lanes, LANE_KEYS);
    JsonNode latency = object(file, core, "latency");
    StrictJson.checkKeys(file, "core.latency", latency, LATENCY_KEYS);
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
    StrictJson.checkKeys(file, "memory", memory, MEMORY_KEYS);
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
          integer(file, latency, "floating_point", "core.latency."),
          integer(file, latency, "slow_integer", "core.latency."),
          integer(file, latency, "address_generation", "core.latency."));
      CoreConfig coreConfig = new CoreConfig(
          integer(file, core, "width", "core."), integer(file, core, "rob_size", "core."),
          integer(file, core, "fetch_to_execute", "core."),
          integer(file, fetch, "max_branches", "core.fetch."),
          bool(file, fetch, "stop_at_taken", "core.fetch."),
          bool(file, fetch, "stop_at_indirect", "core.fetch."),
          integer(file, lanes, "alu", "core.lanes."), integer(file, lanes, "memory", "core.lanes."),
          latencies, targets.asText().equals("perfect"),
          basicBtb ? CoreConfig.Btb.BASIC_BTB_SETS : integer(file, btb, "sets", "core.btb."),
          basicBtb ? CoreConfig.Btb.BASIC_BTB_WAYS : integer(file, btb, "ways", "core.btb."),
          basicBtb ? CoreConfig.Btb.BASIC_BTB_RAS_ENTRIES
              : integer(file, core, "ras_entries", "core."), kit,
          basicBtb ? CoreConfig.Btb.BASIC_BTB : CoreConfig.Btb.SET_ASSOCIATIVE,
          core.has("retire_width") ? integer(file, core, "retire_width", "core.") : 0,
          core.has("register_file_size") ? integer(file, core, "register_file_size", "core.")
              : 0,
          core.has("scheduler_size") ? integer(file, core, "scheduler_size", "core.") : 0,
          core.has("count_merged_misses")
              && bool(file, core, "count_merged_misses", "core."),
          core.has("execute_width") ? integer(file, core, "execute_width", "core.") : 0);
      MemoryConfig memoryConfig = new MemoryConfig(integer(file, memory, "latency", "memory."),
          integer(file, memory, "cycles_per_block", "memory."));
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
}
