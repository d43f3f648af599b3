package org.bpsim.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.bpsim.predictor.spi.BranchKind;
import org.bpsim.trace.BranchBatch;
import org.bpsim.trace.TraceReader;
import org.bpsim.trace.Traces;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code bpsim info TRACE}: what a trace holds, read in one pass. */
@Command(name = "info", mixinStandardHelpOptions = true,
    description = "Print a trace's format, compression, instruction and branch counts, "
        + "distinct branch addresses and taken fraction.")
public final class InfoCommand implements Callable<Integer> {
  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "TRACE", arity = "1..*", description = "Trace files.")
  java.util.List<Path> traces;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    for (Path trace : traces) {
      describe(trace, out);
    }
    out.flush();
    return ExitCodes.OK;
  }

  private static void describe(Path trace, PrintWriter out) throws java.io.IOException {
    long[] byKind = new long[BranchKind.values().length];
    long conditionalTaken = 0;
    LongSet pcs = new LongSet();
    try (TraceReader reader = Traces.open(trace)) {
      BranchBatch batch = new BranchBatch();
      int n;
      while ((n = reader.read(batch)) > 0) {
        for (int i = 0; i < n; i++) {
          byKind[batch.kind[i]]++;
          if (batch.kind[i] == BranchKind.CONDITIONAL.code() && batch.taken[i]) {
            conditionalTaken++;
          }
          pcs.add(batch.pc[i]);
        }
      }
      long branches = 0;
      for (long count : byKind) {
        branches += count;
      }
      out.printf(Locale.ROOT, "trace:               %s%n", trace);
      out.printf(Locale.ROOT, "format:              %s%n", reader.format().description());
      out.printf(Locale.ROOT, "compression:         %s%n", reader.compression().displayName());
      if (reader.hasInstructionCounts()) {
        out.printf(Locale.ROOT, "instructions:        %,d%n", reader.instructionsRead());
      } else {
        out.printf(Locale.ROOT, "instructions:        not recorded in this format%n");
      }
      if (reader.declaredInstructions().isPresent()) {
        out.printf(Locale.ROOT, "declared instr.:     %,d (stated by the format)%n",
            reader.declaredInstructions().getAsLong());
      }
      out.printf(Locale.ROOT, "branches:            %,d%n", branches);
      for (BranchKind kind : BranchKind.values()) {
        if (byKind[kind.ordinal()] > 0) {
          out.printf(Locale.ROOT, "  %-18s %,d%n", kind.name().toLowerCase(Locale.ROOT) + ":",
              byKind[kind.ordinal()]);
        }
      }
      out.printf(Locale.ROOT, "distinct branch PCs: %,d%n", pcs.size());
      long conditional = byKind[BranchKind.CONDITIONAL.ordinal()];
      out.printf(Locale.ROOT, "conditional taken:   %s%n", conditional == 0 ? "n/a"
          : String.format(Locale.ROOT, "%.4f", (double) conditionalTaken / conditional));
      out.println();
    }
  }

  /** Open-addressing set of longs: traces have millions of branches, boxing each would crawl. */
  static final class LongSet {
    private long[] slots = new long[1024];
    private boolean[] used = new boolean[1024];
    private int size;

    void add(long value) {
      if (size * 2 >= slots.length) {
        grow();
      }
      int mask = slots.length - 1;
      int i = (int) (mix(value) & mask);
      while (used[i]) {
        if (slots[i] == value) {
          return;
        }
        i = (i + 1) & mask;
      }
      used[i] = true;
      slots[i] = value;
      size++;
    }

    int size() {
      return size;
    }

    private void grow() {
      long[] oldSlots = slots;
      boolean[] oldUsed = used;
      slots = new long[oldSlots.length * 2];
      used = new boolean[oldSlots.length * 2];
      size = 0;
      for (int i = 0; i < oldSlots.length; i++) {
        if (oldUsed[i]) {
          add(oldSlots[i]);
        }
      }
    }

    private static long mix(long value) {
      long h = value * 0x9E3779B97F4A7C15L;
      return h ^ (h >>> 32);
    }
  }
}
