package org.bpsim.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.bpsim.replay.RunResult;

/** The renderings of a result list that {@code bpsim run --format} offers. */
public enum ResultFormat {
  /** A readable, aligned table for terminals. */
  TABLE {
    @Override
    public String render(List<RunResult> results) {
      List<String[]> rows = new ArrayList<>();
      rows.add(new String[] {"trace", "predictor", "instructions", "cond. branches",
          "mispredictions", "accuracy", "MPKI", "storage"});
      for (RunResult r : results) {
        if (r.failed()) {
          rows.add(new String[] {r.trace(), r.predictor(), "FAILED: " + r.failure(), "", "", "",
              "", ""});
          continue;
        }
        rows.add(new String[] {r.trace(), r.predictor(),
            r.instructions().isPresent() ? grouped(r.instructions().getAsLong()) : "n/a",
            grouped(r.conditionalBranches()), grouped(r.mispredictions()),
            r.counted() ? String.format(Locale.ROOT, "%.4f%%", 100 * r.accuracy()) : "n/a",
            r.hasMpki() ? String.format(Locale.ROOT, "%.4f", r.mpki()) : "n/a",
            storage(r.storageBits())});
      }
      return Tables.align(rows, new boolean[] {false, false, true, true, true, true, true, true});
    }
  },
  /** RFC 4180 CSV with a header row; the columns of {@link Column}. */
  CSV {
    @Override
    public String render(List<RunResult> results) {
      StringBuilder out = new StringBuilder();
      List<String> header = new ArrayList<>();
      for (Column column : Column.ALL) {
        header.add(column.key());
      }
      out.append(String.join(",", header)).append('\n');
      for (RunResult r : results) {
        List<String> cells = new ArrayList<>();
        for (Column column : Column.ALL) {
          cells.add(csvEscape(column.textOf(r)));
        }
        out.append(String.join(",", cells)).append('\n');
      }
      return out.toString();
    }
  },
  /** {@code {"runs":[{...}, ...]}} with the keys of {@link Column}; null for not available. */
  JSON {
    @Override
    public String render(List<RunResult> results) {
      StringWriter writer = new StringWriter();
      try (JsonGenerator json = new JsonFactory().createGenerator(writer)) {
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n"));
        json.setPrettyPrinter(printer);
        json.writeStartObject();
        json.writeArrayFieldStart("runs");
        for (RunResult r : results) {
          json.writeStartObject();
          for (Column column : Column.ALL) {
            Object value = column.valueOf(r);
            json.writeFieldName(column.key());
            if (value == null) {
              json.writeNull();
            } else if (value instanceof Long) {
              json.writeNumber((Long) value);
            } else if (value instanceof Double) {
              json.writeNumber(new java.math.BigDecimal(column.textOf(r)));
            } else {
              json.writeString(value.toString());
            }
          }
          json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
      } catch (IOException e) {
        throw new IllegalStateException("writing JSON to memory cannot fail", e);
      }
      return writer.toString() + "\n";
    }
  };

  /** Renders the results as text in this format. */
  public abstract String render(List<RunResult> results);

  static String grouped(long value) {
    return String.format(Locale.ROOT, "%,d", value);
  }

  static String storage(long bits) {
    if (!RunResult.storageKnown(bits)) {
      return Numbers.UNKNOWN_STORAGE;
    }
    double kib = bits / 8.0 / 1024.0;
    return kib >= 1 ? String.format(Locale.ROOT, "%.2f KB", kib)
        : String.format(Locale.ROOT, "%d bits", bits);
  }

  static String csvEscape(String cell) {
    if (cell.indexOf(',') < 0 && cell.indexOf('"') < 0 && cell.indexOf('\n') < 0) {
      return cell;
    }
    return '"' + cell.replace("\"", "\"\"") + '"';
  }
}
