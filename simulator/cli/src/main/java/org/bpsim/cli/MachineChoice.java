package org.bpsim.cli;

import java.io.IOException;
import java.util.List;
import org.bpsim.cache.HierarchyConfig;
import org.bpsim.job.MachineCatalog;
import org.bpsim.machine.MachineConfig;
import org.bpsim.pipeline.LlcMode;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * The value of {@code --machine} in every command: a preset name (see {@code bpsim configs}) or
 * the path of a machine file, resolved here and nowhere else.
 */
record MachineChoice(String name) {
  /** Picocli's conversion of the option's text; nothing is read until the command asks. */
  static final class Converter implements ITypeConverter<MachineChoice> {
    @Override
    public MachineChoice convert(String value) {
      return new MachineChoice(value);
    }
  }

  /** The whole machine: core, caches and memory. */
  MachineConfig load() throws IOException {
    return MachineCatalog.load(name);
  }

  /** Only the data caches: a preset's, or the {@code "caches"} object of a machine file. */
  HierarchyConfig dataCaches() throws IOException {
    return MachineCatalog.dataCaches(name);
  }

  /** {@code --llc}'s value: shared, private or both; a bad one exits 2. */
  static List<LlcMode> llcModes(CommandSpec spec, String text) {
    try {
      return LlcMode.named(text);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  @Override
  public String toString() {
    return name;
  }
}
