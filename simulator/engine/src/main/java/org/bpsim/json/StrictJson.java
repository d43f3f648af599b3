package org.bpsim.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.bpsim.error.UserException;

/**
 * Reads a JSON input file into a tree and checks each object's keys against what it may hold.
 * Every refusal is one {@link UserException} line that starts with the file.
 */
public final class StrictJson {
  /** A key given twice is refused (Jackson names it), never "the last value wins". */
  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
  private static final String DUPLICATE = "Duplicate field ";

  private StrictJson() {
  }

  /**
   * The keys one JSON object may hold, and its old spellings: each renamed key maps to its new
   * name, so that a file written before the rename is told what to write instead of being told
   * the key is unknown.
   */
  public record Keys(Set<String> valid, Map<String, String> renamed) {
    public Keys {
      valid = Set.copyOf(valid);
      renamed = Map.copyOf(renamed);
      for (Map.Entry<String, String> rename : renamed.entrySet()) {
        if (valid.contains(rename.getKey()) || !valid.contains(rename.getValue())) {
          throw new IllegalArgumentException("rename " + rename + " must lead from a key that is "
              + "no longer valid to one that is");
        }
      }
    }

    /** An object whose keys were never renamed. */
    public static Keys of(String... valid) {
      return new Keys(Set.of(valid), Map.of());
    }
  }

  /**
   * The JSON object in {@code text}, read from {@code file}; {@code what} names such a file in
   * the refusal of anything else ("a machine file").
   */
  public static JsonNode parseObject(Path file, String text, String what) {
    JsonNode root;
    try {
      root = MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      String problem = e.getOriginalMessage().replace('\n', ' ');
      String where = file + ": line " + e.getLocation().getLineNr() + ": ";
      if (problem.startsWith(DUPLICATE)) {
        throw new UserException(where + "key " + problem.substring(DUPLICATE.length())
            + " is given twice; give it once");
      }
      throw new UserException(where + "not valid JSON (" + problem + ")");
    }
    if (root == null || !root.isObject()) {
      throw new UserException(file + ": " + what + " is a JSON object");
    }
    return root;
  }

  /**
   * Refuses the first key of {@code node} that is renamed (naming its new spelling) or unknown
   * (listing the valid ones); {@code where} is the object's path in the file, such as
   * {@code core.fetch}.
   */
  public static void checkKeys(Path file, String where, JsonNode node, Keys keys) {
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String key = names.next();
      String now = keys.renamed().get(key);
      if (now != null) {
        throw new UserException(file + ": " + where + ": key '" + key + "' was renamed '" + now
            + "'");
      }
      if (!keys.valid().contains(key)) {
        throw new UserException(file + ": " + where + ": unknown key \"" + key + "\" (valid: "
            + String.join(", ", new TreeSet<>(keys.valid())) + ")");
      }
    }
  }

  /**
   * The whole number at {@code key} of {@code parent}, refused in one line when missing or not a
   * whole number; {@code prefix} is the object's path with its dot, such as {@code "core."}.
   */
  public static int integer(Path file, JsonNode parent, String key, String prefix) {
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
}
