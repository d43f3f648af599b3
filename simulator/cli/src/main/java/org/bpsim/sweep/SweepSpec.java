package org.bpsim.sweep;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bpsim.error.UserException;

/**
 * A sweep spec as written in its JSON file, before anything is resolved.
 *
 * @param file the spec file; relative trace entries are resolved against its folder
 * @param traces trace entries: files, folders or globs
 * @param predictors the configurations, every grid already expanded, in spec then grid order
 * @param warmupInstructions as {@code run --warmup-instructions}
 * @param maxInstructions as {@code run --max-instructions}; null for the whole trace
 */
public record SweepSpec(Path file, List<String> traces, List<GridPoint> predictors,
    long warmupInstructions, Long maxInstructions) {

  private static final Set<String> KEYS =
      Set.of("traces", "predictors", "warmup_instructions", "max_instructions");

  /**
   * One configuration: its spec text and, when it came from a grid, the grid's name and the
   * key values of this point (in the grid's key order).
   */
  public record GridPoint(String spec, String grid, Map<String, String> keys) {
  }

  /** Reads and checks a spec; every problem found is named in the one exception thrown. */
  public static SweepSpec read(Path file) throws IOException {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(Files.readString(file));
    } catch (JsonProcessingException e) {
      String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()
          + ", column " + e.getLocation().getColumnNr();
      throw new UserException(file + ": not valid JSON" + where + ": "
          + e.getOriginalMessage().lines().findFirst().orElse(""));
    }
    List<String> problems = new ArrayList<>();
    if (root == null || !root.isObject()) {
      throw new UserException(file + ": a sweep spec is a JSON object {\"traces\": [...], "
          + "\"predictors\": [...]}");
    }
    for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!KEYS.contains(name)) {
        problems.add("unknown key \"" + name + "\" (known: traces, predictors, "
            + "warmup_instructions, max_instructions)");
      }
    }
    List<String> traces = new ArrayList<>();
    JsonNode traceNode = root.get("traces");
    if (traceNode == null || !traceNode.isArray() || traceNode.isEmpty()) {
      problems.add("\"traces\" must be a non-empty array of files, folders or globs");
    } else {
      for (int i = 0; i < traceNode.size(); i++) {
        JsonNode t = traceNode.get(i);
        if (!t.isTextual() || t.asText().isBlank()) {
          problems.add("traces[" + i + "] must be a non-empty string");
        } else {
          traces.add(t.asText());
        }
      }
    }
    List<GridPoint> predictors = new ArrayList<>();
    JsonNode predictorNode = root.get("predictors");
    if (predictorNode == null || !predictorNode.isArray() || predictorNode.isEmpty()) {
      problems.add("\"predictors\" must be a non-empty array of specs or "
          + "{\"name\": ..., \"grid\": {...}}");
    } else {
      for (int i = 0; i < predictorNode.size(); i++) {
        expand(predictorNode.get(i), "predictors[" + i + "]", predictors, problems);
      }
    }
    long warmup = 0;
    JsonNode warmupNode = root.get("warmup_instructions");
    if (warmupNode != null && !warmupNode.isNull()) {
      if (!warmupNode.canConvertToLong() || !warmupNode.isIntegralNumber()
          || warmupNode.asLong() < 0) {
        problems.add("\"warmup_instructions\" must be an integer >= 0, not " + warmupNode);
      } else {
        warmup = warmupNode.asLong();
      }
    }
    Long max = null;
    JsonNode maxNode = root.get("max_instructions");
    if (maxNode != null && !maxNode.isNull()) {
      if (!maxNode.isIntegralNumber() || !maxNode.canConvertToLong() || maxNode.asLong() <= 0) {
        problems.add("\"max_instructions\" must be an integer > 0 or null, not " + maxNode);
      } else {
        max = maxNode.asLong();
      }
    }
    if (!problems.isEmpty()) {
      throw new UserException(file + ": " + String.join("; ", problems));
    }
    return new SweepSpec(file, List.copyOf(traces), List.copyOf(predictors), warmup, max);
  }

  /**
   * A grid expands to its cartesian product with the first key varying slowest and the last
   * fastest (nested loops in the order the keys are written), each key's values in the order
   * written.
   */
  private static void expand(JsonNode entry, String where, List<GridPoint> out,
      List<String> problems) {
    if (entry.isTextual()) {
      out.add(new GridPoint(entry.asText(), null, Map.of()));
      return;
    }
    if (!entry.isObject()) {
      problems.add(where + " must be a spec string or {\"name\": ..., \"grid\": {...}}");
      return;
    }
    for (Iterator<String> names = entry.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!name.equals("name") && !name.equals("grid")) {
        problems.add(where + ": unknown key \"" + name + "\" (known: name, grid)");
      }
    }
    JsonNode name = entry.get("name");
    if (name == null || !name.isTextual() || name.asText().isBlank()
        || name.asText().contains(":")) {
      problems.add(where + ".name must be a predictor name (no keys)");
      return;
    }
    JsonNode grid = entry.get("grid");
    if (grid == null || !grid.isObject() || grid.isEmpty()) {
      problems.add(where + ".grid must be an object of key: [values...]");
      return;
    }
    List<String> keys = new ArrayList<>();
    List<List<String>> values = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> fields = grid.fields(); fields.hasNext(); ) {
      Map.Entry<String, JsonNode> field = fields.next();
      JsonNode list = field.getValue();
      if (!list.isArray() || list.isEmpty()) {
        problems.add(where + ".grid." + field.getKey() + " must be a non-empty array");
        return;
      }
      List<String> texts = new ArrayList<>();
      for (JsonNode v : list) {
        if (!(v.isTextual() || v.isIntegralNumber() || v.isBoolean())) {
          problems.add(where + ".grid." + field.getKey() + ": " + v
              + " is not a string, integer or boolean");
          return;
        }
        texts.add(v.asText());
      }
      keys.add(field.getKey());
      values.add(texts);
    }
    int[] index = new int[keys.size()];
    while (true) {
      Map<String, String> point = new LinkedHashMap<>();
      StringBuilder spec = new StringBuilder(name.asText()).append(':');
      for (int k = 0; k < keys.size(); k++) {
        String value = values.get(k).get(index[k]);
        point.put(keys.get(k), value);
        spec.append(k == 0 ? "" : ",").append(keys.get(k)).append('=').append(value);
      }
      out.add(new GridPoint(spec.toString(), name.asText(), point));
      int k = keys.size() - 1;
      while (k >= 0 && ++index[k] == values.get(k).size()) {
        index[k] = 0;
        k--;
      }
      if (k < 0) {
        return;
      }
    }
  }
}
