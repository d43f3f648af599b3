package org.bpsim.job;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.bpsim.cache.HierarchyConfig;
import org.bpsim.cache.HierarchyJson;
import org.bpsim.machine.MachineConfig;
import org.bpsim.machine.Machines;

/**
 * The machines a job can run: the bundled presets and machine files. Every {@code --machine}
 * value (a preset name or the path of a machine file) is resolved here and nowhere else.
 */
public final class MachineCatalog {
  private MachineCatalog() {
  }

  /** The presets' names, in the order {@code bpsim configs} lists them. */
  public static List<String> presets() {
    return Machines.PRESETS;
  }

  /** A preset by name. */
  public static MachineConfig preset(String name) throws IOException {
    return Machines.preset(name);
  }

  /** A preset's JSON as bundled, for users to copy into a machine file of their own. */
  public static String presetJson(String name) throws IOException {
    return Machines.presetText(name);
  }

  /** The whole machine (core, caches, memory) of a preset name or a machine file. */
  public static MachineConfig load(String presetOrFile) throws IOException {
    return Machines.load(presetOrFile);
  }

  /** Only the data caches: a preset's, or the {@code "caches"} object of a machine file. */
  public static HierarchyConfig dataCaches(String presetOrFile) throws IOException {
    if (Machines.PRESETS.contains(presetOrFile)) {
      return Machines.preset(presetOrFile).dataCaches();
    }
    return HierarchyJson.read(Path.of(presetOrFile));
  }
}
