package org.bpsim.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.bpsim.replay.RunResult;

/**
 * Reads back what {@link ResultFormat#JSON} wrote ({@code bpsim run --format json},
 * {@code results.json} of a report). Accuracy and MPKI are recomputed from the counts; a row
 * whose numbers contradict each other (more mispredictions than conditional branches, an
 * accuracy outside [0, 1] or one its counts do not give) is refused, naming the file and row.
 */
public final class ResultsJson {
  private ResultsJson() {
  }

  /** Reads JSON that the user gives bpsim: a key given twice is refused, never "last wins". */
  static final ObjectMapper STRICT = JsonMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  public static List<RunResult> read(Path file) throws IOException {
    JsonNode root;
    try {
      root = STRICT.readTree(file.toFile());
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
      String trace = JsonFields.text(file, run, "trace");
      String predictor = JsonFields.text(file, run, "predictor");
      String error = JsonFields.optionalText(file, run, "error");
      RunResult result;
      if (error != null) {
        // A failed row carries no numbers (older files wrote zeros there); none is a result.
        result = new RunResult(trace, predictor, OptionalLong.empty(), 0, 0, 0, 0, error);
      } else {
        result = new RunResult(trace, predictor,
            JsonFields.optionalNumber(file, run, "instructions"),
            JsonFields.number(file, run, "branches"),
            JsonFields.number(file, run, "conditional_branches"),
            JsonFields.number(file, run, "mispredictions"),
            JsonFields.optionalNumber(file, run, "storage_bits")
                .orElse(RunResult.UNKNOWN_STORAGE), null);
        checkConsistent(file, index, run, result);
      }
      results.add(result);
      index++;
    }
    return results;
  }

  /**
   * Refuses a row whose numbers cannot all be true at once: a report drawn from it would show
   * an accuracy below 0 or a misprediction count no predictor can make.
   */
  private static void checkConsistent(Path file, int index, JsonNode run, RunResult r)
      throws ResultsFileException {
    String row = "runs[" + index + "] (trace " + oneLine(r.trace()) + ", predictor "
        + oneLine(r.predictor()) + ")";
    if (r.mispredictions() > r.conditionalBranches()) {
      throw new ResultsFileException(file, row + " is inconsistent: " + r.mispredictions()
          + " mispredictions of " + r.conditionalBranches() + " conditional branches");
    }
    if (r.conditionalBranches() > r.branches()) {
      throw new ResultsFileException(file, row + " is inconsistent: " + r.conditionalBranches()
          + " conditional branches of " + r.branches() + " branches");
    }
    JsonNode accuracy = run.get("accuracy");
    if (accuracy != null && !accuracy.isNull()) {
      if (!accuracy.isNumber() || !(accuracy.asDouble() >= 0 && accuracy.asDouble() <= 1)) {
        throw new ResultsFileException(file, row + " is inconsistent: accuracy " + accuracy
            + " is not a fraction between 0 and 1");
      }
      // Files of older versions wrote 1.0 where no conditional branch was counted.
      if (r.counted() && Math.abs(accuracy.asDouble() - r.accuracy()) > 1e-6) {
        throw new ResultsFileException(file, row + " is inconsistent: accuracy " + accuracy
            + ", but its counts give " + Column.ACCURACY.textOf(r));
      }
    }
    JsonNode mpki = run.get("mpki");
    if (mpki != null && !mpki.isNull()) {
      if (!mpki.isNumber() || !(mpki.asDouble() >= 0)) {
        throw new ResultsFileException(file, row + " is inconsistent: MPKI " + mpki
            + " is not a non-negative number");
      }
      if (r.hasMpki() && Math.abs(mpki.asDouble() - r.mpki()) > 1e-4) {
        throw new ResultsFileException(file, row + " is inconsistent: MPKI " + mpki
            + ", but its counts give " + Column.MPKI.textOf(r));
      }
    }
  }

  /** A name as it can stand in a one-line message, whatever characters the file put in it. */
  private static String oneLine(String name) {
    return '"' + name.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n")
        .replace("\r", "\\r") + '"';
  }
}
