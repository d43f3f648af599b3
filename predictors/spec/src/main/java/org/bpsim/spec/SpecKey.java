package org.bpsim.spec;

import java.util.List;
import java.util.Locale;

/**
 * One key a plugin accepts in its spec, with its default and the values it allows: whole
 * numbers in a closed range, one of a list of words, or any text. The neutral form of a
 * declaration: cache replacement policies declare these directly, and the predictor registry
 * turns each of a predictor's SPI {@code Parameter}s into one.
 *
 * @param derived whether the default means "decided by the other keys" (a preset); such a key
 *     appears in the canonical spec only when the user sets it
 * @param text whether the key takes any text (its default, {@code ""}, means "not set")
 */
public record SpecKey(String key, String description, String defaultValue, long min, long max,
    List<String> choices, boolean derived, boolean text) {

  public SpecKey {
    choices = List.copyOf(choices);
    if (!key.matches("[a-z][a-z0-9_]*")) {
      throw new IllegalArgumentException("spec key must be lower_snake_case: " + key);
    }
  }

  /** A whole-number key in {@code [min, max]}. */
  public static SpecKey integer(String key, long defaultValue, long min, long max,
      String description) {
    if (defaultValue < min || defaultValue > max) {
      throw new IllegalArgumentException("default of " + key + " outside its range");
    }
    return new SpecKey(key, description, Long.toString(defaultValue), min, max, List.of(), false,
        false);
  }

  public boolean isInteger() {
    return !text && choices.isEmpty();
  }

  /**
   * {@code value} in canonical form (a number without its whitespace, a choice as declared).
   *
   * @throws IllegalArgumentException ({@code kind}'s error) naming {@code plugin}, the key and
   *     what is valid
   */
  public String check(PluginKind kind, String plugin, String value) {
    if (text) {
      return value;
    }
    if (isInteger()) {
      long parsed;
      try {
        parsed = Long.parseLong(value.trim());
      } catch (NumberFormatException e) {
        throw refused(kind, plugin, value, "is not a whole number");
      }
      if (parsed < min || parsed > max) {
        throw refused(kind, plugin, value, "is out of range");
      }
      return Long.toString(parsed);
    }
    for (String choice : choices) {
      if (choice.equalsIgnoreCase(value.trim())) {
        return choice;
      }
    }
    throw refused(kind, plugin, value, "is not allowed");
  }

  private IllegalArgumentException refused(PluginKind kind, String plugin, String value,
      String why) {
    return kind.error(String.format(Locale.ROOT, "%s '%s': %s=%s %s (valid: %s)", kind.noun(),
        plugin, key, value, why, validValues()));
  }

  /** What the user may write, for messages and listings: {@code 1..20}, {@code a|b}, text. */
  public String validValues() {
    if (text) {
      return "text";
    }
    return isInteger()
        ? String.format(Locale.ROOT, "%d..%d", min, max)
        : String.join("|", choices);
  }
}
