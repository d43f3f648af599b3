package org.bpsim.machine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.bpsim.cache.CacheConfig;
import org.bpsim.cache.HierarchyConfig;
import org.bpsim.cache.Inclusion;
import org.junit.jupiter.api.Test;

/**
 * The presets give the same machines as before their keys were renamed: the values here were
 * written from the camelCase preset files, number by number, not read from the new ones.
 */
final class PresetValuesTest {
  private static final Inclusion NON_INCLUSIVE = Inclusion.NON_INCLUSIVE;

  private static void same(MachineConfig expected, String preset) throws IOException {
    MachineConfig loaded = Machines.preset(preset);
    assertTrue(loaded.description().length() > 40, loaded.description());
    // The description is prose; every number the model uses is compared.
    assertEquals(expected, new MachineConfig(loaded.name(), expected.description(),
        loaded.core(), loaded.instructionCache(), loaded.dataCaches(), loaded.memory()));
  }

  @Test
  void cbp2025() throws IOException {
    CoreConfig core = new CoreConfig(16, 1024, 10, 16, true, true, 16, 8,
        new CoreConfig.ExecutionLatencies(1, 3, 4, 1), true, 1024, 8, 64, true,
        CoreConfig.Btb.SET_ASSOCIATIVE, 0, 0, 0, false, 0);
    HierarchyConfig data = new HierarchyConfig(List.of(
        new CacheConfig("L1D", 131072, 8, 64, 3, "lru"),
        new CacheConfig("L2", 4194304, 8, 64, 15, "lru"),
        new CacheConfig("LLC", 33554432, 16, 128, 65, "lru")), NON_INCLUSIVE);
    same(new MachineConfig("cbp2025", "", core,
        new CacheConfig("L1I", 131072, 8, 64, 0, "lru"), data, new MemoryConfig(150, 0)),
        "cbp2025");
  }

  @Test
  void champsim() throws IOException {
    CoreConfig core = new CoreConfig(6, 352, 7, 0, true, false, 4, 2,
        new CoreConfig.ExecutionLatencies(1, 1, 1, 1), false, 1024, 8, 64, false,
        CoreConfig.Btb.BASIC_BTB, 5, 128, 128, true, 4);
    HierarchyConfig data = new HierarchyConfig(List.of(
        new CacheConfig("L1D", 49152, 12, 64, 4, "lru"),
        new CacheConfig("L2", 524288, 8, 64, 13, "lru"),
        new CacheConfig("LLC", 2097152, 16, 64, 34, "lru")), NON_INCLUSIVE);
    same(new MachineConfig("champsim", "", core,
        new CacheConfig("L1I", 32768, 8, 64, 4, "lru"), data, new MemoryConfig(150, 10)),
        "champsim");
  }

  @Test
  void small() throws IOException {
    CoreConfig core = new CoreConfig(4, 128, 12, 2, true, true, 4, 2,
        new CoreConfig.ExecutionLatencies(1, 4, 3, 1), false, 512, 4, 16, false,
        CoreConfig.Btb.SET_ASSOCIATIVE, 0, 0, 0, false, 0);
    HierarchyConfig data = new HierarchyConfig(List.of(
        new CacheConfig("L1D", 32768, 8, 64, 4, "lru"),
        new CacheConfig("LLC", 524288, 16, 64, 20, "srrip")), NON_INCLUSIVE);
    same(new MachineConfig("small", "", core,
        new CacheConfig("L1I", 32768, 8, 64, 1, "lru"), data, new MemoryConfig(200, 8)),
        "small");
  }

  @Test
  void theListOfPresetsIsUnchanged() {
    assertEquals(List.of("cbp2025", "champsim", "small"), Machines.PRESETS);
  }
}
