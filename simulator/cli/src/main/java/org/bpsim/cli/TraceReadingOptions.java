package org.bpsim.cli;

import java.util.OptionalLong;
import org.bpsim.trace.TraceFormat;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code --trace-format} and {@code --instructions} of run and sweep: how traces are read. */
public final class TraceReadingOptions {
  @Spec(Spec.Target.MIXEE)
  CommandSpec mixee;

  @Option(names = "--trace-format", paramLabel = "FORMAT",
      description = "Read traces as this format instead of detecting it: "
          + TraceFormat.IDS + ".")
  String traceFormat;

  @Option(names = "--instructions", paramLabel = "N",
      description = "Instruction count of traces that carry none (CBP-1 text), for MPKI.")
  Long instructions;

  /** The format forced on every trace, or null to detect each. */
  TraceFormat format() {
    if (traceFormat == null) {
      return null;
    }
    try {
      return TraceFormat.ofId(traceFormat);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(mixee.commandLine(), "--trace-format: " + e.getMessage());
    }
  }

  /** The instruction count given for traces without one, else empty. */
  OptionalLong instructions() {
    if (instructions != null && instructions <= 0) {
      throw new ParameterException(mixee.commandLine(),
          "--instructions must be > 0, not " + instructions);
    }
    return instructions == null ? OptionalLong.empty() : OptionalLong.of(instructions);
  }
}
