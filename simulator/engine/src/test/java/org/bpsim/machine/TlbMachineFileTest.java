package org.bpsim.machine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.bpsim.error.UserException;
import org.junit.jupiter.api.Test;

/** A machine file's optional {@code "tlb"} object: ChampSim's values in its preset, and errors. */
final class TlbMachineFileTest {
  private static final Path FILE = Path.of("m.json");
  private static final String TLB = """
      "tlb": {"itlb": {"sets": 16, "ways": 4, "latency": 1},
        "dtlb": {"sets": 16, "ways": 4, "latency": 1},
        "stlb": {"sets": 128, "ways": 12, "latency": 8}, "page_walk_levels": 5,
        "page_structure_caches": [{"level": 5, "sets": 1, "ways": 2},
          {"level": 2, "sets": 4, "ways": 8}],
        "minor_fault_penalty": 200, "transfer_cycles": 1, "seed": 1}""";

  private static String machine(String tlb) {
    return """
        {"core": {"width": 4, "rob_size": 128, "fetch_to_execute": 12,
          "fetch": {"max_branches": 2, "stop_at_taken": true, "stop_at_indirect": true},
          "lanes": {"alu": 4, "memory": 2}, "targets": "btb", "btb": {"sets": 512, "ways": 4},
          "ras_entries": 16,
          "latency": {"simple": 1, "floating_point": 4, "slow_integer": 3, "address_generation": 1}},
         "caches": {"line_bytes": 64, "inclusion": "non-inclusive",
          "instruction": {"name": "L1I", "size_bytes": 32768, "ways": 8, "latency": 1,
            "replacement": "lru"},
          "data": [{"name": "L1D", "size_bytes": 32768, "ways": 8, "latency": 4,
            "replacement": "lru"}, {"name": "LLC", "size_bytes": 524288, "ways": 16,
            "latency": 20, "replacement": "lru"}]},
         "memory": {"latency": 200, "cycles_per_block": 8}%s}
        """.formatted(tlb.isEmpty() ? "" : ", " + tlb);
  }

  @Test
  void theChampSimPresetHasChampSimsTranslation() throws IOException {
    TlbConfig tlb = Machines.preset("champsim").tlb();
    assertEquals(new TlbConfig.Level("tlb.itlb", 16, 4, 1), tlb.itlb());
    assertEquals(new TlbConfig.Level("tlb.dtlb", 16, 4, 1), tlb.dtlb());
    assertEquals(new TlbConfig.Level("tlb.stlb", 128, 12, 8), tlb.stlb());
    assertEquals(5, tlb.pageWalkLevels());
    assertEquals(List.of(new TlbConfig.PageStructureCache(5, 1, 2),
        new TlbConfig.PageStructureCache(4, 1, 4), new TlbConfig.PageStructureCache(3, 2, 4),
        new TlbConfig.PageStructureCache(2, 4, 8)), tlb.pageStructureCaches());
    assertEquals(200, tlb.minorFaultPenalty());
  }

  @Test
  void theOtherPresetsAndFilesWithoutTheKeyHaveNone() throws IOException {
    for (String preset : Machines.PRESETS) {
      if (!preset.equals("champsim")) {
        assertNull(Machines.preset(preset).tlb(), preset);
      }
    }
    assertNull(Machines.parse(FILE, machine("")).tlb());
    assertEquals(2, Machines.parse(FILE, machine(TLB)).tlb().pageStructureCaches().size());
  }

  private static void refused(String tlb, String expected) {
    UserException e = assertThrows(UserException.class,
        () -> Machines.parse(FILE, machine(tlb)));
    assertTrue(e.getMessage().startsWith("m.json: "), e.getMessage());
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }

  @Test
  void mistakesAreNamed() {
    refused(TLB.replace("\"seed\"", "\"sead\""), "tlb: unknown key \"sead\"");
    refused(TLB.replace("\"sets\": 128", "\"sets\": 100"),
        "tlb.stlb.sets must be a power of two, not 100");
    refused(TLB.replace("\"page_walk_levels\": 5", "\"page_walk_levels\": 6"),
        "tlb.page_walk_levels must be 1 to 5, not 6");
    refused(TLB.replace("{\"level\": 2,", "{\"level\": 5,"), "level 5 is given twice");
    refused(TLB.replace("\"itlb\": {\"sets\": 16, \"ways\": 4, \"latency\": 1},", ""),
        "missing object tlb.itlb");
    refused(TLB.replace("\"minor_fault_penalty\": 200", "\"minor_fault_penalty\": 2.5"),
        "tlb.minor_fault_penalty must be a whole number, not 2.5");
    refused("\"tlb\": []", "\"tlb\" must be an object");
    String kitMachine = machine(TLB).replace("\"ras_entries\": 16,",
        "\"ras_entries\": 16, \"model\": \"cbp2025-kit\",");
    UserException kit = assertThrows(UserException.class,
        () -> Machines.parse(FILE, kitMachine));
    assertTrue(kit.getMessage().contains("\"tlb\" goes with the \"dataflow\" model"),
        kit.getMessage());
  }
}
