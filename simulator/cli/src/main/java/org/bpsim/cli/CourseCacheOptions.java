package org.bpsim.cli;

import org.bpsim.cache.HierarchyConfig;
import org.bpsim.cache.Inclusion;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The hierarchy of {@code bpsim cache} without {@code --machine}: an L1 and an optional L2. */
public final class CourseCacheOptions {
  @Spec(Spec.Target.MIXEE)
  CommandSpec mixee;

  @Option(names = "--block-size", paramLabel = "BYTES", defaultValue = "64",
      description = "Line size of every level (default: ${DEFAULT-VALUE}).")
  int blockSize;

  @Option(names = "--l1-size", paramLabel = "BYTES", defaultValue = "32768",
      description = "L1 size (default: ${DEFAULT-VALUE}).")
  long l1Size;

  @Option(names = "--l1-assoc", paramLabel = "WAYS", defaultValue = "8",
      description = "L1 associativity (default: ${DEFAULT-VALUE}).")
  int l1Assoc;

  @Option(names = "--l2-size", paramLabel = "BYTES", defaultValue = "0",
      description = "L2 size; 0 for no L2 (default: ${DEFAULT-VALUE}).")
  long l2Size;

  @Option(names = "--l2-assoc", paramLabel = "WAYS", defaultValue = "0",
      description = "L2 associativity (default: ${DEFAULT-VALUE}).")
  int l2Assoc;

  @Option(names = "--replacement", paramLabel = "POLICY", defaultValue = "lru",
      description = "Replacement policy of every level, name[:key=value,...]: "
          + "lru, fifo, random, srrip, brrip, drrip, optimal (default: ${DEFAULT-VALUE}).")
  String replacement;

  @Option(names = "--inclusion", paramLabel = "POLICY", defaultValue = "non-inclusive",
      description = "Last level's inclusion: non-inclusive, inclusive, exclusive "
          + "(default: ${DEFAULT-VALUE}).")
  String inclusion;

  /** The hierarchy these options describe; a bad geometry or policy exits 2. */
  HierarchyConfig hierarchy() {
    Inclusion parsedInclusion;
    try {
      parsedInclusion = Inclusion.ofId(inclusion);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(mixee.commandLine(), "--inclusion: " + e.getMessage());
    }
    if (l2Size < 0 || (l2Size > 0 && l2Assoc <= 0)) {
      throw new ParameterException(mixee.commandLine(),
          "an L2 needs --l2-size > 0 and --l2-assoc > 0");
    }
    try {
      return HierarchyConfig.course(blockSize, l1Size, l1Assoc, l2Size, l2Assoc, replacement,
          parsedInclusion);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(mixee.commandLine(), e.getMessage());
    }
  }
}
