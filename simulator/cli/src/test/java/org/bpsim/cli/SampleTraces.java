package org.bpsim.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.bpsim.predictor.spi.BranchKind;
import org.bpsim.trace.BranchRecord;
import org.bpsim.trace.Compression;
import org.bpsim.trace.RandomBranches;
import org.bpsim.trace.TraceWriter;
import org.bpsim.trace.bt9.Bt9TraceWriter;
import org.bpsim.trace.champsim.ChampSimTraceWriter;
import org.bpsim.trace.text.TextTraceWriter;

/** Small traces written by bpsim's own writers, for command-line tests. */
final class SampleTraces {
  static final List<BranchKind> BT9_KINDS = List.of(BranchKind.CONDITIONAL,
      BranchKind.DIRECT_JUMP, BranchKind.INDIRECT_JUMP, BranchKind.DIRECT_CALL,
      BranchKind.INDIRECT_CALL, BranchKind.RETURN);

  private SampleTraces() {
  }

  static List<BranchRecord> branches(long seed, int count, List<BranchKind> kinds) {
    List<BranchRecord> branches;
    SplittableRandom random = new SplittableRandom(seed);
    do {
      branches = RandomBranches.stream(random, count, kinds);
    } while (branches.size() < count / 2);
    return branches;
  }

  static Path bt9(Path file, Compression compression, List<BranchRecord> branches)
      throws IOException {
    try (TraceWriter writer = new Bt9TraceWriter(file, compression)) {
      write(writer, branches);
    }
    return file;
  }

  static Path champSim(Path file, Compression compression, List<BranchRecord> branches)
      throws IOException {
    try (TraceWriter writer = new ChampSimTraceWriter(file, compression)) {
      write(writer, branches);
    }
    return file;
  }

  static Path text(Path file, Compression compression, TextTraceWriter.Layout layout,
      List<BranchRecord> branches) throws IOException {
    try (TraceWriter writer = new TextTraceWriter(file, compression, layout)) {
      write(writer, branches);
    }
    return file;
  }

  private static void write(TraceWriter writer, List<BranchRecord> branches)
      throws IOException {
    for (BranchRecord branch : branches) {
      writer.write(branch);
    }
  }
}
