package org.bpsim.machine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.bpsim.error.UserException;
import org.junit.jupiter.api.Test;

/** {@code "btb": "basic_btb"} in a machine file, and what it does not go with. */
final class BasicBtbMachineFileTest {
  private static final Path FILE = Path.of("m.json");

  private static String machine(String coreExtra) {
    return """
        {"core": {"width": 4, "rob_size": 128, "fetch_to_execute": 12,
          "fetch": {"max_branches": 2, "stop_at_taken": true, "stop_at_indirect": true},
          "lanes": {"alu": 4, "memory": 2},
          "latency": {"simple": 1, "floating_point": 4, "slow_integer": 3, "address_generation": 1},
          %s},
         "caches": {"line_bytes": 64, "inclusion": "non-inclusive",
          "instruction": {"name": "L1I", "size_bytes": 32768, "ways": 8, "latency": 1,
            "replacement": "lru"},
          "data": [{"name": "L1D", "size_bytes": 32768, "ways": 8, "latency": 4,
            "replacement": "lru"}, {"name": "LLC", "size_bytes": 524288, "ways": 16,
            "latency": 20, "replacement": "lru"}]},
         "memory": {"latency": 200, "cycles_per_block": 8}}
        """.formatted(coreExtra);
  }

  @Test
  void basicBtbHasChampSimsSizes() {
    CoreConfig core = Machines.parse(FILE,
        machine("\"targets\": \"btb\", \"btb\": \"basic_btb\"")).core();
    assertEquals(CoreConfig.Btb.BASIC_BTB, core.btb());
    assertEquals(1024, core.btbSets());
    assertEquals(8, core.btbWays());
    assertEquals(64, core.rasEntries());
  }

  @Test
  void theExistingPresetsKeepBpsimsBtb() throws IOException {
    for (String preset : Machines.PRESETS) {
      if (!preset.equals("champsim")) {
        assertEquals(CoreConfig.Btb.SET_ASSOCIATIVE, Machines.preset(preset).core().btb(),
            preset);
      }
    }
  }

  private static void refused(String coreExtra, String expected) {
    UserException e = assertThrows(UserException.class,
        () -> Machines.parse(FILE, machine(coreExtra)));
    assertTrue(e.getMessage().contains(expected), e.getMessage());
    assertTrue(e.getMessage().startsWith("m.json: "), e.getMessage());
  }

  @Test
  void refusesWhatDoesNotGoWithIt() {
    refused("\"targets\": \"btb\", \"btb\": \"basic\"", "core.btb must be \"basic_btb\"");
    refused("\"targets\": \"btb\", \"btb\": \"basic_btb\", \"ras_entries\": 16",
        "core.ras_entries does not go with");
    refused("\"targets\": \"perfect\", \"btb\": \"basic_btb\"", "\"targets\": \"perfect\"");
    refused("\"targets\": \"btb\", \"btb\": \"basic_btb\", \"model\": \"cbp2025-kit\"",
        "goes with the \"dataflow\" model");
  }
}
