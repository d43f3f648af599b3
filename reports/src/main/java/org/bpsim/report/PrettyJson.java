package org.bpsim.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A document of maps, lists, strings and numbers as indented JSON text, for the commands that
 * print one JSON document ({@code simulate}, {@code cache}). Keys are snake_case, as in
 * {@code results.json}; the callers build them so.
 */
public final class PrettyJson {
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private PrettyJson() {
  }

  /** The text of {@code document}, ending in a newline; NaN becomes null ("n/a"). */
  public static String render(Object document) {
    try {
      return MAPPER.writeValueAsString(withoutNaN(MAPPER.valueToTree(document))) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("maps of plain values always serialise", e);
    }
  }

  /** Rates of a window that counted nothing are NaN; JSON has no NaN, and null says n/a. */
  private static JsonNode withoutNaN(JsonNode node) {
    if (node.isDouble() && Double.isNaN(node.doubleValue())) {
      return NullNode.getInstance();
    }
    if (node.isObject()) {
      ObjectNode object = (ObjectNode) node;
      List<String> names = new ArrayList<>();
      object.fieldNames().forEachRemaining(names::add);
      for (String name : names) {
        object.set(name, withoutNaN(object.get(name)));
      }
    } else if (node.isArray()) {
      ArrayNode array = (ArrayNode) node;
      for (int i = 0; i < array.size(); i++) {
        array.set(i, withoutNaN(array.get(i)));
      }
    }
    return node;
  }
}
