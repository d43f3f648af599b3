package org.bpsim.trace;

import java.io.IOException;
import java.nio.file.Path;

/**
 * What every reader of a {@link TraceInput} shares: the file it reads, its format and
 * compression, and closing it. A reader adds only its decoding.
 */
public abstract class StreamedTraceReader implements TraceReader {
  protected final TraceInput input;
  private final TraceFormat format;

  protected StreamedTraceReader(TraceInput input, TraceFormat format) {
    this.input = input;
    this.format = format;
  }

  @Override
  public final Path path() {
    return input.path();
  }

  @Override
  public final TraceFormat format() {
    return format;
  }

  @Override
  public final Compression compression() {
    return input.compression();
  }

  @Override
  public void close() throws IOException {
    input.close();
  }
}
