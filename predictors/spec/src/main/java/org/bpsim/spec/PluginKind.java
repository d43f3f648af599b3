package org.bpsim.spec;

import java.util.Objects;
import java.util.function.Function;

/**
 * A kind of plugin configured from a spec: the noun messages call it by ({@code "predictor"},
 * {@code "replacement policy"}) and the exception its spec errors are thrown as. Predictors keep
 * the SPI's own {@code SpecException}, which plugins and their callers already catch; other
 * kinds use {@link InvalidSpecException}.
 */
public final class PluginKind {
  private final String noun;
  private final Function<String, ? extends IllegalArgumentException> errors;

  public PluginKind(String noun, Function<String, ? extends IllegalArgumentException> errors) {
    this.noun = Objects.requireNonNull(noun);
    this.errors = Objects.requireNonNull(errors);
  }

  /** A kind whose spec errors are {@link InvalidSpecException}s. */
  public static PluginKind named(String noun) {
    return new PluginKind(noun, InvalidSpecException::new);
  }

  /** What messages call a plugin of this kind, e.g. {@code replacement policy}. */
  public String noun() {
    return noun;
  }

  /** The error for a spec of this kind, to throw: {@code message} as given. */
  public IllegalArgumentException error(String message) {
    return errors.apply(message);
  }

  @Override
  public String toString() {
    return noun;
  }
}
