package org.bpsim.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code pipeline.json}: the timing model's figures of a {@code compare --machine} report. A file
 * of its own, so that {@code results.json} keeps exactly the schema of {@code bpsim run}. It holds
 * no date or path, so the same inputs give the same bytes.
 */
public final class PipelineJson {
  public static final String FILE_NAME = "pipeline.json";

  private PipelineJson() {
  }

  public static String render(PipelineFigures figures) {
    StringWriter writer = new StringWriter();
    try (JsonGenerator json = new JsonFactory().createGenerator(writer)) {
      json.setPrettyPrinter(new DefaultPrettyPrinter()
          .withObjectIndenter(new DefaultIndenter("  ", "\n")));
      json.writeStartObject();
      json.writeStringField("machine", figures.machine());
      json.writeArrayFieldStart("single_core");
      for (PipelineCoreFigures core : figures.singleCore()) {
        json.writeStartObject();
        coreFields(json, core);
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeArrayFieldStart("multi_core");
      for (MultiCoreFigures run : figures.multiCore()) {
        json.writeStartObject();
        json.writeStringField("llc", run.llc());
        json.writeStringField("predictor", run.predictor());
        json.writeNumberField("weighted_speedup", run.weightedSpeedup());
        json.writeArrayFieldStart("cores");
        for (int i = 0; i < run.cores().size(); i++) {
          json.writeStartObject();
          json.writeNumberField("core", i);
          coreFields(json, run.cores().get(i));
          json.writeNumberField("ipc_alone", run.ipcAlone().get(i));
          json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeArrayFieldStart("skipped");
      for (String trace : figures.skipped()) {
        json.writeString(trace);
      }
      json.writeEndArray();
      json.writeEndObject();
    } catch (IOException e) {
      throw new IllegalStateException("writing JSON to memory cannot fail", e);
    }
    return writer + "\n";
  }

  /** Reads a file written by {@link #render}. */
  public static PipelineFigures read(Path file) throws IOException {
    JsonNode root = ResultsJson.STRICT.readTree(file.toFile());
    if (root == null || !root.isObject()) {
      throw new ResultsFileException(file, "expected a JSON object");
    }
    List<PipelineCoreFigures> singleCore = new ArrayList<>();
    for (JsonNode core : JsonFields.array(file, root, "single_core")) {
      singleCore.add(core(file, core));
    }
    List<MultiCoreFigures> multiCore = new ArrayList<>();
    for (JsonNode run : JsonFields.array(file, root, "multi_core")) {
      List<PipelineCoreFigures> cores = new ArrayList<>();
      List<Double> alone = new ArrayList<>();
      for (JsonNode core : JsonFields.array(file, run, "cores")) {
        cores.add(core(file, core));
        alone.add(JsonFields.decimal(file, core, "ipc_alone"));
      }
      multiCore.add(new MultiCoreFigures(JsonFields.text(file, run, "llc"),
          JsonFields.text(file, run, "predictor"), cores, alone,
          JsonFields.decimal(file, run, "weighted_speedup")));
    }
    List<String> skipped = new ArrayList<>();
    for (JsonNode trace : JsonFields.array(file, root, "skipped")) {
      skipped.add(trace.asText());
    }
    return new PipelineFigures(JsonFields.text(file, root, "machine"), singleCore, multiCore,
        skipped);
  }

  private static PipelineCoreFigures core(Path file, JsonNode core) throws IOException {
    JsonNode stack = core.get("cpi_stack");
    if (stack == null || !stack.isObject()) {
      throw new ResultsFileException(file, "expected an object 'cpi_stack'");
    }
    Map<String, Double> parts = new LinkedHashMap<>();
    Iterator<String> causes = stack.fieldNames();
    while (causes.hasNext()) {
      String cause = causes.next();
      parts.put(cause, JsonFields.decimal(file, stack, cause));
    }
    Map<String, Long> byType = new LinkedHashMap<>();
    JsonNode types = core.get("mispredictions_by_type");
    if (types != null) {
      if (!types.isObject()) {
        throw new ResultsFileException(file, "expected an object 'mispredictions_by_type'");
      }
      Iterator<String> names = types.fieldNames();
      while (names.hasNext()) {
        String type = names.next();
        byType.put(type, JsonFields.number(file, types, type));
      }
    }
    return new PipelineCoreFigures(JsonFields.text(file, core, "trace"),
        JsonFields.text(file, core, "predictor"), JsonFields.number(file, core, "instructions"),
        JsonFields.number(file, core, "cycles"), JsonFields.decimal(file, core, "ipc"), parts,
        byType);
  }

  private static void coreFields(JsonGenerator json, PipelineCoreFigures core)
      throws IOException {
    json.writeStringField("trace", core.trace());
    json.writeStringField("predictor", core.predictor());
    json.writeNumberField("instructions", core.instructions());
    json.writeNumberField("cycles", core.cycles());
    json.writeNumberField("ipc", core.ipc());
    json.writeObjectFieldStart("cpi_stack");
    for (Map.Entry<String, Double> part : core.cpiStack().entrySet()) {
      json.writeNumberField(part.getKey(), part.getValue());
    }
    json.writeEndObject();
    json.writeObjectFieldStart("mispredictions_by_type");
    for (Map.Entry<String, Long> type : core.mispredictionsByType().entrySet()) {
      json.writeNumberField(type.getKey(), type.getValue());
    }
    json.writeEndObject();
  }
}
