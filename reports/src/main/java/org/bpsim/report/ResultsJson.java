package org.bpsim.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads back what {@link ResultFormat#JSON} wrote ({@code bpsim run --format json},
 * {@code results.json} of a report). Accuracy and MPKI are recomputed from the counts.
 */
public final class ResultsJson {
  private ResultsJson() {
  }

  public static List<RunResult> read(Path file) throws IOException {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(file.toFile());
    } catch (JsonProcessingException e) {
      String where = e.getLocation() == null ? ""
          : " at line " + e.getLocation().getLineNr() + ", column "
              + e.getLocation().getColumnNr();
      throw new ResultsFileException(file, "not valid JSON" + where + ": "
          + e.getOriginalMessage().lines().findFirst().orElse(""));
    } catch (java.io.CharConversionException e) {
      throw new ResultsFileException(file, "not valid JSON: not UTF-8 text");
    }
    if (root == null || !root.isObject()) {
      throw new ResultsFileException(file, "expected a JSON object {\"runs\": [...]}");
    }
    List<RunResult> results = new ArrayList<>();
    int index = 0;
    for (JsonNode run : JsonFields.array(file, root, "runs")) {
      if (!run.isObject()) {
        throw new ResultsFileException(file, "runs[" + index + "] is not an object");
      }
      results.add(new RunResult(JsonFields.text(file, run, "trace"),
          JsonFields.text(file, run, "predictor"),
          JsonFields.optionalNumber(file, run, "instructions"),
          JsonFields.number(file, run, "branches"),
          JsonFields.number(file, run, "conditional_branches"),
          JsonFields.number(file, run, "mispredictions"),
          JsonFields.number(file, run, "storage_bits"),
          JsonFields.optionalText(file, run, "error")));
      index++;
    }
    return results;
  }
}
