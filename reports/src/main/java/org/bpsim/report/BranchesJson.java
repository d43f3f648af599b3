package org.bpsim.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bpsim.replay.HardBranch;
import org.bpsim.replay.TraceHardestBranches;

/**
 * {@code branches.json}: the hardest branches of a report, kept beside {@code results.json} so
 * that {@code bpsim report} can show them again without replaying. Addresses are hex strings,
 * since JSON numbers lose 64-bit precision in many readers.
 */
public final class BranchesJson {
  public static final String FILE_NAME = "branches.json";

  private BranchesJson() {
  }

  public static String render(List<TraceHardestBranches> traces) {
    StringWriter writer = new StringWriter();
    try (JsonGenerator json = new JsonFactory().createGenerator(writer)) {
      json.setPrettyPrinter(new DefaultPrettyPrinter()
          .withObjectIndenter(new DefaultIndenter("  ", "\n")));
      json.writeStartObject();
      json.writeArrayFieldStart("traces");
      for (TraceHardestBranches t : traces) {
        json.writeStartObject();
        json.writeStringField("trace", t.trace());
        json.writeStringField("baseline", t.baseline());
        json.writeNumberField("static_branches", t.staticBranches());
        json.writeArrayFieldStart("predictors");
        for (String predictor : t.predictors()) {
          json.writeString(predictor);
        }
        json.writeEndArray();
        json.writeArrayFieldStart("branches");
        for (HardBranch b : t.branches()) {
          json.writeStartObject();
          json.writeStringField("pc", Numbers.hex(b.pc()));
          json.writeNumberField("executions", b.executions());
          json.writeNumberField("taken", b.taken());
          json.writeArrayFieldStart("mispredictions");
          for (long misses : b.mispredictions()) {
            json.writeNumber(misses);
          }
          json.writeEndArray();
          json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeEndObject();
    } catch (IOException e) {
      throw new IllegalStateException("writing JSON to memory cannot fail", e);
    }
    return writer + "\n";
  }

  /** Reads a file written by {@link #render}. */
  public static List<TraceHardestBranches> read(Path file) throws IOException {
    JsonNode root = ResultsJson.STRICT.readTree(file.toFile());
    List<TraceHardestBranches> traces = new ArrayList<>();
    for (JsonNode t : JsonFields.array(file, root, "traces")) {
      List<String> predictors = new ArrayList<>();
      for (JsonNode p : JsonFields.array(file, t, "predictors")) {
        predictors.add(p.asText());
      }
      List<HardBranch> branches = new ArrayList<>();
      for (JsonNode b : JsonFields.array(file, t, "branches")) {
        List<Long> misses = new ArrayList<>();
        for (JsonNode m : JsonFields.array(file, b, "mispredictions")) {
          misses.add(m.asLong());
        }
        String pc = JsonFields.text(file, b, "pc");
        branches.add(new HardBranch(Long.parseUnsignedLong(pc.replaceFirst("^0x", ""), 16),
            JsonFields.number(file, b, "executions"), JsonFields.number(file, b, "taken"),
            misses));
      }
      traces.add(new TraceHardestBranches(JsonFields.text(file, t, "trace"), predictors,
          JsonFields.text(file, t, "baseline"), JsonFields.number(file, t, "static_branches"),
          branches));
    }
    return traces;
  }
}
