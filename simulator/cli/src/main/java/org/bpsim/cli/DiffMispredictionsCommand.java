package org.bpsim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.bpsim.replay.MispredictionList;
import org.bpsim.error.UserException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code bpsim diff-mispredictions A B}: compares misprediction lists branch by branch, as
 * {@code bpsim run --mispredictions} writes them and the championship reference files are.
 */
@Command(name = "diff-mispredictions", mixinStandardHelpOptions = true,
    description = {"Compare two misprediction lists, or two folders of them, branch by branch.",
        "A list is gzip text with one line '<index> <pc-hex> <taken 0|1>' per mispredicted "
            + "conditional branch, indices increasing (as 'bpsim run --mispredictions' writes).",
        "Folders are paired by file name (their *.txt.gz files); a file and a folder compare "
            + "the file with the folder's file of the same name. For each pair: whether the "
            + "lists are equal, else the first index where they part (with both lines) and "
            + "the number of lines only in A and only in B.",
        "Exit code 0 when every pair is equal, 1 when any differs or a file is on one side "
            + "only, 2 for a missing, non-gzip or malformed file (named with its line)."})
public final class DiffMispredictionsCommand implements Callable<Integer> {
  /** Exit code when some lists differ (as {@code diff} gives). */
  static final int DIFFERENT = 1;
  private static final String SUFFIX = ".txt.gz";

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "A", description = "A list file or a folder of lists.")
  Path a;

  @Parameters(index = "1", paramLabel = "B", description = "A list file or a folder of lists.")
  Path b;

  /** How two lists compare. */
  record Difference(long commonLines, long onlyInA, long onlyInB, long firstLine,
      long firstIndex, String lineOfA, String lineOfB) {
    boolean equal() {
      return onlyInA == 0 && onlyInB == 0;
    }
  }

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    boolean folderA = folderOrFile(a);
    boolean folderB = folderOrFile(b);
    int status;
    if (!folderA && !folderB) {
      status = report(out, a + " vs " + b, compare(a, b));
    } else if (folderA && folderB) {
      status = compareFolders(out);
    } else {
      Path file = folderA ? b : a;
      Path other = (folderA ? a : b).resolve(file.getFileName().toString());
      if (!Files.isRegularFile(other)) {
        throw new UserException(other + ": no such file (to compare with " + file + ")");
      }
      status = report(out, folderA ? other + " vs " + file : file + " vs " + other,
          folderA ? compare(other, file) : compare(file, other));
    }
    out.flush();
    return status;
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

  private int compareFolders(PrintWriter out) throws IOException {
    TreeSet<String> inA = lists(a);
    TreeSet<String> inB = lists(b);
    if (inA.isEmpty() && inB.isEmpty()) {
      throw new UserException("no *" + SUFFIX + " lists in " + a + " nor in " + b);
    }
    TreeSet<String> all = new TreeSet<>(inA);
    all.addAll(inB);
    int equal = 0;
    int differ = 0;
    int oneSided = 0;
    for (String name : all) {
      if (!inB.contains(name)) {
        out.println(name + ": only in " + a);
        oneSided++;
      } else if (!inA.contains(name)) {
        out.println(name + ": only in " + b);
        oneSided++;
      } else if (report(out, name, compare(a.resolve(name), b.resolve(name))) == 0) {
        equal++;
      } else {
        differ++;
      }
    }
    out.println(equal + " equal, " + differ + " different, " + oneSided + " on one side only");
    return differ + oneSided == 0 ? ExitCodes.OK : DIFFERENT;
  }

  private static TreeSet<String> lists(Path folder) throws IOException {
    TreeSet<String> names = new TreeSet<>();
    try (Stream<Path> files = Files.list(folder)) {
      files.filter(Files::isRegularFile).map(f -> f.getFileName().toString())
          .filter(n -> n.endsWith(SUFFIX)).forEach(names::add);
    }
    return names;
  }

  private static int report(PrintWriter out, String label, Difference d) {
    if (d.equal()) {
      out.println(label + ": equal (" + d.commonLines()
          + (d.commonLines() == 1 ? " misprediction)" : " mispredictions)"));
      return ExitCodes.OK;
    }
    out.println(label + ": differ from index " + d.firstIndex() + " (line " + d.firstLine()
        + ")");
    out.println("  A: " + d.lineOfA());
    out.println("  B: " + d.lineOfB());
    out.println("  lines only in A: " + d.onlyInA() + ", only in B: " + d.onlyInB()
        + ", in both: " + d.commonLines());
    return DIFFERENT;
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
