package org.bpsim.job;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Names traces in a report by the shortest tail of their paths that tells them apart (usually the
 * file name), so that results do not depend on where the traces or bpsim are installed.
 */
public final class TraceNames {
  private TraceNames() {
  }

  /** One name per file, in order; {@code files} must be distinct. */
  public static List<String> of(List<Path> files) {
    List<Path> absolute = new ArrayList<>();
    int deepest = 1;
    for (Path file : files) {
      Path p = file.toAbsolutePath().normalize();
      absolute.add(p);
      deepest = Math.max(deepest, p.getNameCount());
    }
    for (int depth = 1; depth <= deepest; depth++) {
      List<String> names = new ArrayList<>();
      Set<String> seen = new HashSet<>();
      for (Path p : absolute) {
        int from = Math.max(0, p.getNameCount() - depth);
        String name = p.subpath(from, p.getNameCount()).toString().replace('\\', '/');
        names.add(name);
        seen.add(name);
      }
      if (seen.size() == names.size()) {
        return names;
      }
    }
    throw new IllegalArgumentException("the same trace is given twice: " + files);
  }
}
