package org.bpsim.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bpsim.error.UserException;

/**
 * What a sweep folder's {@code sweep.json} says, enough for {@code status} and {@code merge}
 * without the spec or the traces: trace names, configurations and their grid points.
 */
public record SweepManifest(List<String> traceNames, List<String> predictors,
    List<SweepSpec.GridPoint> points) {

  public static SweepManifest of(SweepFolder folder) throws IOException {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(folder.fingerprint());
    } catch (IOException e) {
      throw new UserException(folder.root().resolve(SweepFolder.FINGERPRINT)
          + ": damaged (" + e.getMessage().lines().findFirst().orElse("") + ")");
    }
    List<String> traces = new ArrayList<>();
    root.path("traces").forEach(t -> traces.add(t.asText()));
    List<String> predictors = new ArrayList<>();
    root.path("predictors").forEach(p -> predictors.add(p.asText()));
    List<SweepSpec.GridPoint> points = new ArrayList<>();
    int i = 0;
    for (JsonNode g : root.path("grid")) {
      String spec = i < predictors.size() ? predictors.get(i) : "";
      if (g.isNull()) {
        points.add(new SweepSpec.GridPoint(spec, null, Map.of()));
      } else {
        Map<String, String> keys = new LinkedHashMap<>();
        g.path("keys").fields().forEachRemaining(e -> keys.put(e.getKey(), e.getValue().asText()));
        points.add(new SweepSpec.GridPoint(spec, g.path("name").asText(), keys));
      }
      i++;
    }
    if (traces.isEmpty() || predictors.isEmpty() || points.size() != predictors.size()) {
      throw new UserException(folder.root().resolve(SweepFolder.FINGERPRINT)
          + ": damaged (no traces or predictors)");
    }
    return new SweepManifest(List.copyOf(traces), List.copyOf(predictors), List.copyOf(points));
  }

  /** Every task, in row order. */
  public List<SweepPlan.Task> tasks() {
    List<SweepPlan.Task> tasks = new ArrayList<>();
    for (int t = 0; t < traceNames.size(); t++) {
      for (int c = 0; c < predictors.size(); c++) {
        tasks.add(new SweepPlan.Task(t, c));
      }
    }
    return tasks;
  }
}
