package org.bpsim.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Checks that every key of a JSON document, at any depth, is snake_case; except the keys of the
 * objects whose keys are names from the input (the CPI stack's causes include the machine's cache
 * level names, "L2", "LLC"), which are values, not key style.
 */
final class JsonKeys {
  private static final Pattern SNAKE_CASE = Pattern.compile("[a-z0-9]+(_[a-z0-9]+)*");

  private JsonKeys() {
  }

  static void assertSnakeCase(JsonNode node, String... keyedByName) {
    if (node.isObject()) {
      Iterator<String> names = node.fieldNames();
      while (names.hasNext()) {
        String name = names.next();
        assertTrue(SNAKE_CASE.matcher(name).matches(), "key '" + name + "' is not snake_case");
        if (!List.of(keyedByName).contains(name)) {
          assertSnakeCase(node.get(name), keyedByName);
        }
      }
    } else if (node.isArray()) {
      for (JsonNode element : node) {
        assertSnakeCase(element, keyedByName);
      }
    }
  }
}
