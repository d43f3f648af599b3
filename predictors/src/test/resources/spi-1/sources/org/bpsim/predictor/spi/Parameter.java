package org.bpsim.predictor.spi;

import java.util.List;
import java.util.Locale;

/**
 * One key a predictor accepts in its spec string, with its default and the values it allows.
 * Values are either whole numbers in a closed range or one of a list of words.
 *
 * @param derived whether the default means "decided by the other keys" (a preset); such a key
 *     appears in the canonical spec only when the user sets it, so that {@code tage:budget=64KB}
 *     stays the name of the predictor it fully determines
 */
public record Parameter(String key, String description, String defaultValue, long min, long max,
    List<String> choices, boolean derived, boolean text) {

  /** A number or choice parameter, as before text parameters existed. */
  public Parameter(String key, String description, String defaultValue, long min, long max,
      List<String> choices, boolean derived) {
    this(key, description, defaultValue, min, max, choices, derived, false);
  }

  /** A parameter whose default is a value of its own. */
  public Parameter(String key, String description, String defaultValue, long min, long max,
      List<String> choices) {
    this(key, description, defaultValue, min, max, choices, false);
  }

  public Parameter {
    choices = List.copyOf(choices);
    if (!key.matches("[a-z][a-z0-9_]*")) {
      throw new IllegalArgumentException("parameter key must be lower_snake_case: " + key);
    }
  }

  /** A whole-number parameter in {@code [min, max]}. */
  public static Parameter integer(String key, long defaultValue, long min, long max,
      String description) {
    if (defaultValue < min || defaultValue > max) {
      throw new IllegalArgumentException("default of " + key + " outside its range");
    }
    return new Parameter(key, description, Long.toString(defaultValue), min, max, List.of());
  }

  /**
   * A whole-number parameter in {@code [min, max]} whose default, 0, means "as the other keys
   * (a preset) decide"; left out of the canonical spec unless set.
   */
  public static Parameter derivedInteger(String key, long min, long max, String description) {
    if (min > 0) {
      min = 0;
    }
    return new Parameter(key, description, "0", min, max, List.of(), true);
  }

  /** A parameter taking one of {@code choices}; the first is the default. */
  public static Parameter choice(String key, List<String> choices, String description) {
    return new Parameter(key, description, choices.get(0), 0, 0, choices);
  }

  /**
   * A parameter taking any text (a path, compiler flags); its default, {@code ""}, means "not
   * set", and like a {@link #derived()} key it is left out of the canonical spec until set. A
   * value holding a comma is written in double quotes ({@code cxxflags="-O3,-march=native"}).
   */
  public static Parameter text(String key, String description) {
    return new Parameter(key, description, "", 0, 0, List.of(), true, true);
  }

  public boolean isInteger() {
    return !text && choices.isEmpty();
  }

  /** Returns the value in canonical form, or throws a {@link SpecException} saying what is valid. */
  public String validate(String predictor, String value) {
    if (text) {
      return value;
    }
    if (isInteger()) {
      long parsed;
      try {
        parsed = Long.parseLong(value.trim());
      } catch (NumberFormatException e) {
        throw new SpecException(String.format(Locale.ROOT,
            "predictor '%s': %s=%s is not a whole number (valid: %s)", predictor, key, value,
            validValues()));
      }
      if (parsed < min || parsed > max) {
        throw new SpecException(String.format(Locale.ROOT,
            "predictor '%s': %s=%s is out of range (valid: %s)", predictor, key, value,
            validValues()));
      }
      return Long.toString(parsed);
    }
    for (String choice : choices) {
      if (choice.equalsIgnoreCase(value.trim())) {
        return choice;
      }
    }
    throw new SpecException(String.format(Locale.ROOT,
        "predictor '%s': %s=%s is not allowed (valid: %s)", predictor, key, value, validValues()));
  }

  /** What the user may write, for messages and listings. */
  public String validValues() {
    if (text) {
      return "text";
    }
    return isInteger()
        ? String.format(Locale.ROOT, "%d..%d", min, max)
        : String.join("|", choices);
  }
}
