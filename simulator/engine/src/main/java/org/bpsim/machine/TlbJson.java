package org.bpsim.machine;

import static org.bpsim.json.StrictJson.integer;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bpsim.error.UserException;
import org.bpsim.json.StrictJson;
import org.bpsim.json.StrictJson.Keys;

/**
 * Reads a machine file's optional {@code "tlb"} object into a {@link TlbConfig}. Kept apart from
 * {@link Machines} so that the machine file's other keys and this one change independently.
 */
final class TlbJson {
  private static final Keys KEYS = Keys.of("itlb", "dtlb", "stlb", "page_walk_levels",
      "page_structure_caches", "minor_fault_penalty", "transfer_cycles", "seed");
  private static final Keys LEVEL_KEYS = Keys.of("sets", "ways", "latency");
  private static final Keys PSC_KEYS = Keys.of("level", "sets", "ways");

  private TlbJson() {
  }

  /** The machine's translation, or null when the file has no {@code "tlb"} object. */
  static TlbConfig parse(Path file, JsonNode root) {
    JsonNode tlb = root.get("tlb");
    if (tlb == null) {
      return null;
    }
    if (!tlb.isObject()) {
      throw new UserException(file + ": \"tlb\" must be an object, not " + tlb);
    }
    StrictJson.checkKeys(file, "tlb", tlb, KEYS);
    JsonNode caches = tlb.get("page_structure_caches");
    if (caches == null || !caches.isArray()) {
      throw new UserException(file + ": tlb.page_structure_caches must be a list of "
          + "{\"level\": L, \"sets\": S, \"ways\": W}, not " + caches);
    }
    try {
      List<TlbConfig.PageStructureCache> psc = new ArrayList<>();
      for (int i = 0; i < caches.size(); i++) {
        String where = "tlb.page_structure_caches[" + i + "]";
        JsonNode entry = caches.get(i);
        if (!entry.isObject()) {
          throw new UserException(file + ": " + where + " must be an object, not " + entry);
        }
        StrictJson.checkKeys(file, where, entry, PSC_KEYS);
        psc.add(new TlbConfig.PageStructureCache(integer(file, entry, "level", where + "."),
            integer(file, entry, "sets", where + "."), integer(file, entry, "ways", where + ".")));
      }
      return new TlbConfig(level(file, tlb, "itlb"), level(file, tlb, "dtlb"),
          level(file, tlb, "stlb"), integer(file, tlb, "page_walk_levels", "tlb."), psc,
          integer(file, tlb, "minor_fault_penalty", "tlb."),
          integer(file, tlb, "transfer_cycles", "tlb."), integer(file, tlb, "seed", "tlb."));
    } catch (IllegalArgumentException e) {
      throw new UserException(file + ": " + e.getMessage());
    }
  }

  private static TlbConfig.Level level(Path file, JsonNode tlb, String name) {
    JsonNode node = tlb.get(name);
    if (node == null || !node.isObject()) {
      throw new UserException(file + ": missing object tlb." + name);
    }
    String where = "tlb." + name;
    StrictJson.checkKeys(file, where, node, LEVEL_KEYS);
    return new TlbConfig.Level(where, integer(file, node, "sets", where + "."),
        integer(file, node, "ways", where + "."), integer(file, node, "latency", where + "."));
  }
}
