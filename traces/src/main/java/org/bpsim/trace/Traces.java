package org.bpsim.trace;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The old name of {@link TraceOpener#branches}, which the commands still call.
 *
 * @deprecated use {@link TraceOpener#branches}; this goes once the commands are jobs (issue 12)
 */
@Deprecated(forRemoval = true)
public final class Traces {
  private Traces() {
  }

  /** {@link TraceOpener#branches(Path)}. */
  public static TraceReader open(Path path) throws IOException {
    return TraceOpener.branches(path);
  }

  /** {@link TraceOpener#branches(Path, TraceFormat)}. */
  public static TraceReader open(Path path, TraceFormat format) throws IOException {
    return TraceOpener.branches(path, format);
  }
}
