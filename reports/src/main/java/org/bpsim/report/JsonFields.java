package org.bpsim.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;

/** Reads required fields of a results file, failing with one line that names file and field. */
final class JsonFields {
  private JsonFields() {
  }

  static JsonNode array(Path file, JsonNode node, String field) throws ResultsFileException {
    JsonNode value = node.get(field);
    if (value == null || !value.isArray()) {
      throw new ResultsFileException(file, "expected an array '" + field + "'");
    }
    return value;
  }

  static String text(Path file, JsonNode node, String field) throws ResultsFileException {
    JsonNode value = node.get(field);
    if (value == null || !value.isTextual()) {
      throw new ResultsFileException(file, "expected a string '" + field + "'");
    }
    return value.asText();
  }

  static long number(Path file, JsonNode node, String field) throws ResultsFileException {
    JsonNode value = node.get(field);
    if (value == null || !value.isIntegralNumber() || !value.canConvertToLong()
        || value.asLong() < 0) {
      throw new ResultsFileException(file, "expected a non-negative integer '" + field + "'");
    }
    return value.asLong();
  }

  static double decimal(Path file, JsonNode node, String field) throws ResultsFileException {
    JsonNode value = node.get(field);
    if (value == null || !value.isNumber()) {
      throw new ResultsFileException(file, "expected a number '" + field + "'");
    }
    return value.asDouble();
  }

  /** A string, or null when the field is absent or JSON null (the error of a run that did not fail). */
  static String optionalText(Path file, JsonNode node, String field)
      throws ResultsFileException {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    return text(file, node, field);
  }

  /** A non-negative integer, or empty for JSON null (instruction counts of text traces). */
  static java.util.OptionalLong optionalNumber(Path file, JsonNode node, String field)
      throws ResultsFileException {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return java.util.OptionalLong.empty();
    }
    return java.util.OptionalLong.of(number(file, node, field));
  }
}
