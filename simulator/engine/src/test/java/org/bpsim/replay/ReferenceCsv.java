package org.bpsim.replay;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The CSV files of the shared reference folder ({@code expected.csv}, {@code cbp2-official.csv}):
 * a header line, then rows whose predictor specs are double-quoted because they hold commas.
 */
public final class ReferenceCsv {
  private ReferenceCsv() {
  }

  /** The rows after the header, blank lines left out, each split into its fields. */
  public static List<List<String>> rows(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file);
    List<List<String>> rows = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      if (!line.isBlank()) {
        rows.add(split(line));
      }
    }
    return rows;
  }

  /** RFC 4180 fields: commas inside double quotes belong to the field. */
  public static List<String> split(String line) {
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          cell.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        cells.add(cell.toString());
        cell.setLength(0);
      } else {
        cell.append(c);
      }
    }
    cells.add(cell.toString());
    return cells;
  }
}
