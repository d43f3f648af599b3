package org.bpsim.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.bpsim.error.UserException;
import org.bpsim.replay.MispredictionList;
import org.bpsim.report.ListComparison;
import org.bpsim.report.ListComparison.Difference;
import org.bpsim.report.ListComparison.Entry;

/**
 * {@code bpsim diff-mispredictions A B}: two misprediction lists, two folders of them (paired by
 * file name), or a list and the folder's list of the same name, compared branch by branch.
 */
public final class DiffJob {
  private static final String SUFFIX = ".txt.gz";

  private DiffJob() {
  }

  public static ListComparison run(Path a, Path b) throws IOException {
    boolean folderA = folderOrFile(a);
    boolean folderB = folderOrFile(b);
    if (!folderA && !folderB) {
      return new ListComparison(List.of(new Entry(a + " vs " + b, compare(a, b), null)), false);
    }
    if (folderA && folderB) {
      return new ListComparison(compareFolders(a, b), true);
    }
    Path file = folderA ? b : a;
    Path other = (folderA ? a : b).resolve(file.getFileName().toString());
    if (!Files.isRegularFile(other)) {
      throw new UserException(other + ": no such file (to compare with " + file + ")");
    }
    Entry entry = folderA ? new Entry(other + " vs " + file, compare(other, file), null)
        : new Entry(file + " vs " + other, compare(file, other), null);
    return new ListComparison(List.of(entry), false);
  }

  private static boolean folderOrFile(Path path) {
    if (Files.isDirectory(path)) {
      return true;
    }
    if (!Files.exists(path)) {
      throw new UserException(path + ": no such file or folder");
    }
    return false;
  }

  private static List<Entry> compareFolders(Path a, Path b) throws IOException {
    TreeSet<String> inA = lists(a);
    TreeSet<String> inB = lists(b);
    if (inA.isEmpty() && inB.isEmpty()) {
      throw new UserException("no *" + SUFFIX + " lists in " + a + " nor in " + b);
    }
    TreeSet<String> all = new TreeSet<>(inA);
    all.addAll(inB);
    List<Entry> entries = new ArrayList<>();
    for (String name : all) {
      if (!inB.contains(name)) {
        entries.add(new Entry(name, null, a.toString()));
      } else if (!inA.contains(name)) {
        entries.add(new Entry(name, null, b.toString()));
      } else {
        entries.add(new Entry(name, compare(a.resolve(name), b.resolve(name)), null));
      }
    }
    return entries;
  }

  private static TreeSet<String> lists(Path folder) throws IOException {
    TreeSet<String> names = new TreeSet<>();
    try (Stream<Path> files = Files.list(folder)) {
      files.filter(Files::isRegularFile).map(f -> f.getFileName().toString())
          .filter(n -> n.endsWith(SUFFIX)).forEach(names::add);
    }
    return names;
  }

  /** Compares two list files in one pass over both, in constant memory. */
  static Difference compare(Path fileA, Path fileB) throws IOException {
    try (MispredictionList.Reader readerA = MispredictionList.Reader.open(fileA);
        MispredictionList.Reader readerB = MispredictionList.Reader.open(fileB)) {
      return compare(readerA, readerB);
    }
  }

  /**
   * Walks both lists by index. Lines are equal when index, pc and outcome all are; the same index
   * with another pc or outcome counts as a line only in A and a line only in B. The lists part at
   * the first line number where they differ; its index is the smaller index of the two lines.
   */
  static Difference compare(MispredictionList.Reader readerA, MispredictionList.Reader readerB)
      throws IOException {
    long common = 0;
    long onlyA = 0;
    long onlyB = 0;
    long firstLine = 0;
    long firstIndex = -1;
    String lineA = null;
    String lineB = null;
    boolean hasA = readerA.next();
    boolean hasB = readerB.next();
    // Until the lists part, line k of one is line k of the other.
    while (hasA && hasB && readerA.index() == readerB.index() && readerA.pc() == readerB.pc()
        && readerA.taken() == readerB.taken()) {
      common++;
      hasA = readerA.next();
      hasB = readerB.next();
    }
    if (hasA || hasB) {
      firstLine = common + 1;
      lineA = hasA ? readerA.line() : "(ends after line " + common + ")";
      lineB = hasB ? readerB.line() : "(ends after line " + common + ")";
      firstIndex = !hasB ? readerA.index() : !hasA ? readerB.index()
          : Math.min(readerA.index(), readerB.index());
    }
    while (hasA || hasB) {
      if (hasA && hasB && readerA.index() == readerB.index()) {
        if (readerA.pc() == readerB.pc() && readerA.taken() == readerB.taken()) {
          common++;
        } else {
          onlyA++;
          onlyB++;
        }
        hasA = readerA.next();
        hasB = readerB.next();
      } else if (hasA && (!hasB || readerA.index() < readerB.index())) {
        onlyA++;
        hasA = readerA.next();
      } else {
        onlyB++;
        hasB = readerB.next();
      }
    }
    return new Difference(common, onlyA, onlyB, firstLine, firstIndex, lineA, lineB);
  }
}
