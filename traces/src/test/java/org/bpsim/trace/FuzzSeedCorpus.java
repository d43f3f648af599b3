package org.bpsim.trace;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.bpsim.predictor.spi.BranchKind;
import org.bpsim.trace.bpt.BptLayout;
import org.bpsim.trace.bpt.BptWriter;
import org.bpsim.trace.bt9.Bt9TraceWriter;
import org.bpsim.trace.champsim.ChampSimTraceWriter;
import org.bpsim.trace.text.TextTraceWriter;

/**
 * Regenerates the fuzz tests' seed corpus: small traces made by bpsim's own writers, each with
 * corrupted variants (cut short, bit-flipped, compressed and then cut). Run by hand from the
 * {@code traces} folder, after {@code test-compile}:
 *
 * <pre>java -cp target/classes:target/test-classes:DEPENDENCIES org.bpsim.trace.FuzzSeedCorpus
 * src/test/resources</pre>
 */
public final class FuzzSeedCorpus {
  private static final List<BranchKind> BT9_KINDS = List.of(BranchKind.CONDITIONAL,
      BranchKind.DIRECT_JUMP, BranchKind.INDIRECT_JUMP, BranchKind.DIRECT_CALL,
      BranchKind.INDIRECT_CALL, BranchKind.RETURN);

  private FuzzSeedCorpus() {
  }

  public static void main(String[] args) throws IOException {
    Path resources = Paths.get(args.length > 0 ? args[0] : "src/test/resources");
    SplittableRandom random = new SplittableRandom(2016);

    Map<String, byte[]> bt9 = new LinkedHashMap<>();
    byte[] bt9Plain = bt9(random, 12);
    bt9.put("small.bt9", bt9Plain);
    bt9.put("small.bt9.gz", compress(bt9Plain, Compression.GZIP));
    String text = new String(bt9Plain, StandardCharsets.US_ASCII);
    bt9.put("cut-mid-nodes.bt9", cut(bt9Plain, text.indexOf("\nNODE", text.indexOf("NODE") + 1)
        + 8));
    bt9.put("cut-mid-edges.bt9", cut(bt9Plain, text.indexOf("\nEDGE") + 12));
    bt9.put("no-eof.bt9", cut(bt9Plain, text.lastIndexOf("EOF")));
    bt9.put("bit-flipped.bt9", flip(bt9Plain, random, 3));
    bt9.put("gzip-cut.bt9.gz", cut(compress(bt9Plain, Compression.GZIP), 60));
    bt9.put("bad-class.bt9", text.replaceFirst("JMP\\+DIR\\+CND", "JMP+XYZ+CND")
        .getBytes(StandardCharsets.US_ASCII));
    bt9.put("unknown-edge.bt9", text.replaceFirst("BT9_EDGE_SEQUENCE\n",
        "BT9_EDGE_SEQUENCE\n999\n").getBytes(StandardCharsets.US_ASCII));
    bt9.put("odd-sequence-lines.bt9", oddSequenceLines(text).getBytes(StandardCharsets.US_ASCII));
    write(resources.resolve("org/bpsim/trace/bt9/Bt9ReaderFuzzTestInputs/readsAnyBytesCleanly"),
        bt9);

    Map<String, byte[]> champsim = new LinkedHashMap<>();
    byte[] records = champSim(random, 6);
    champsim.put("small.champsimtrace", records);
    champsim.put("small.champsimtrace.xz", compress(records, Compression.XZ));
    champsim.put("small.champsimtrace.gz", compress(records, Compression.GZIP));
    champsim.put("plus-ten-bytes.champsimtrace", Arrays.copyOf(records, records.length + 10));
    champsim.put("bit-flipped.champsimtrace", flip(records, random, 4));
    champsim.put("xz-cut.champsimtrace.xz", cut(compress(records, Compression.XZ), 80));
    write(resources.resolve(
        "org/bpsim/trace/champsim/ChampSimReaderFuzzTestInputs/readsAnyBytesCleanly"), champsim);

    Map<String, byte[]> textTraces = new LinkedHashMap<>();
    byte[] two = text(random, TextTraceWriter.Layout.TWO_COLUMNS,
        List.of(BranchKind.CONDITIONAL));
    byte[] seven = text(random, TextTraceWriter.Layout.SEVEN_COLUMNS, BT9_KINDS);
    textTraces.put("two-columns.txt", two);
    textTraces.put("seven-columns.txt", seven);
    textTraces.put("two-columns.txt.bz2", compress(two, Compression.BZIP2));
    textTraces.put("bad-hex.txt", ("0x40fc96 1\n0x40zz96 0\n").getBytes(StandardCharsets.US_ASCII));
    textTraces.put("bad-flag.txt", ("0x4010\t0x4020\t1\t0\t2\t0\t1\n")
        .getBytes(StandardCharsets.US_ASCII));
    textTraces.put("mixed-columns.txt", ("# comment\n\n0x10 1\r\n0x10\t0x20\t1\t1\t0\t0\t1\n")
        .getBytes(StandardCharsets.US_ASCII));
    textTraces.put("bit-flipped.txt", flip(seven, random, 3));
    textTraces.put("bzip2-cut.txt.bz2", cut(compress(seven, Compression.BZIP2), 50));
    write(resources.resolve(
        "org/bpsim/trace/text/TextTraceReaderFuzzTestInputs/readsAnyBytesCleanly"), textTraces);

    Map<String, byte[]> compressed = new LinkedHashMap<>();
    byte[] payload = "0x40fc96 1\n0x40fc96 0\n".repeat(20).getBytes(StandardCharsets.US_ASCII);
    for (Compression c : List.of(Compression.GZIP, Compression.XZ, Compression.BZIP2)) {
      byte[] whole = compress(payload, c);
      String name = c.displayName();
      compressed.put(name, whole);
      compressed.put(name + "-cut", cut(whole, whole.length / 2));
      compressed.put(name + "-bit-flipped", flip(whole, random, 2));
      compressed.put(name + "-concatenated", concat(whole, whole));
      compressed.put(name + "-magic-only", cut(whole, c == Compression.XZ ? 6 : 3));
    }
    compressed.put("plain", payload);
    Map<String, byte[]> detection = new LinkedHashMap<>(compressed);
    detection.put("bt9.gz", compress(bt9Plain, Compression.GZIP));
    detection.put("champsim.xz", compress(records, Compression.XZ));
    detection.put("seven-columns.txt", seven);
    Path decompression = resources.resolve("org/bpsim/trace/DecompressionFuzzTestInputs");
    write(decompression.resolve("decompressesAnyBytesCleanly"), compressed);
    write(decompression.resolve("detectsAndReadsAnyBytesCleanly"), detection);

    // .bpt seeds: converted from the seeds above, then damaged; a random of their own, so that
    // the seeds above stay as they were.
    SplittableRandom bptRandom = new SplittableRandom(2);
    Map<String, byte[]> bpt = new LinkedHashMap<>();
    byte[] fromBt9 = bpt(bt9Plain, "small.bt9");
    bpt.put("small-from-bt9.bpt", fromBt9);
    bpt.put("small-from-champsim.bpt", bpt(records, "small.champsimtrace"));
    bpt.put("small.bpt.gz", compress(fromBt9, Compression.GZIP));
    int sourceLength = fromBt9[12] & 0xff; // short enough for one byte of its u32
    int chunkAt = 8 + 2 + 2 + 4 + sourceLength + 8 + 4;
    int trailerAt = fromBt9.length - 4 - BptLayout.TRAILER_COUNT_BYTES - 4;
    bpt.put("cut-mid-chunk.bpt", cut(fromBt9, chunkAt + 40));
    bpt.put("no-trailer.bpt", cut(fromBt9, trailerAt));
    bpt.put("bit-flipped.bpt", flip(fromBt9, bptRandom, 3));
    byte[] newer = fromBt9.clone();
    newer[8] = 3;
    bpt.put("newer-version.bpt", newer);
    byte[] header = fromBt9.clone();
    header[chunkAt - 4 - 8] ^= 0x04; // a bit of the declared instructions
    bpt.put("header-declared-flipped.bpt", header);
    byte[] trailer = fromBt9.clone();
    trailer[trailerAt + 4 + 4 + 8] ^= 0x01; // a bit of the trailer's instruction count
    bpt.put("trailer-instructions-flipped.bpt", trailer);
    bpt.put("version-1.bpt", versionOne(fromBt9, chunkAt, trailerAt));
    write(resources.resolve("org/bpsim/trace/bpt/BptReaderFuzzTestInputs/readsAnyBytesCleanly"),
        bpt);
  }

  /** A trace converted to .bpt, as {@code bpsim convert} writes it. */
  static byte[] bpt(byte[] trace, String name) throws IOException {
    Path file = Files.createTempFile("seed", name);
    try {
      Files.write(file, trace);
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (TraceReader reader = TraceOpener.branches(file, null);
          BptWriter writer = new BptWriter(bytes, reader.format().id() + " " + name,
              reader.hasInstructionCounts(), reader.declaredInstructions().orElse(-1))) {
        BranchBatch batch = new BranchBatch();
        while (reader.read(batch) > 0) {
          writer.write(batch);
        }
        writer.finish(reader.instructionsRead());
      }
      return bytes.toByteArray();
    } finally {
      Files.delete(file);
    }
  }

  /** The same file in format version 1: no checksum after the header nor after the trailer. */
  static byte[] versionOne(byte[] bpt, int chunkAt, int trailerAt) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.write(bpt, 0, chunkAt - 4);
    bytes.write(bpt, chunkAt, bpt.length - 4 - chunkAt);
    byte[] old = bytes.toByteArray();
    old[8] = 1;
    return old;
  }

  private static byte[] bt9(SplittableRandom random, int branches) throws IOException {
    Path file = Files.createTempFile("seed", ".bt9");
    try {
      try (TraceWriter writer = new Bt9TraceWriter(file, Compression.NONE)) {
        for (BranchRecord b : RandomBranches.stream(random, branches, BT9_KINDS)) {
          writer.write(b);
        }
      }
      return Files.readAllBytes(file);
    } finally {
      Files.delete(file);
    }
  }

  private static byte[] champSim(SplittableRandom random, int branches) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TraceWriter writer = new ChampSimTraceWriter(bytes)) {
      long position = 0;
      for (BranchRecord b : RandomBranches.stream(random, branches,
          List.of(BranchKind.values()))) {
        position += 1 + random.nextInt(3);
        writer.write(b.pc(), b.target(), b.kind(), b.taken(), position);
      }
    }
    return bytes.toByteArray();
  }

  private static byte[] text(SplittableRandom random, TextTraceWriter.Layout layout,
      List<BranchKind> kinds) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TraceWriter writer = new TextTraceWriter(bytes, layout)) {
      for (BranchRecord b : RandomBranches.stream(random, 25, kinds)) {
        writer.write(b);
      }
    }
    return bytes.toByteArray();
  }

  private static byte[] compress(byte[] data, Compression compression) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (OutputStream out = CompressedOutput.wrap(bytes, compression)) {
      out.write(data);
    }
    return bytes.toByteArray();
  }

  private static byte[] cut(byte[] data, int length) {
    return Arrays.copyOf(data, Math.max(0, Math.min(length, data.length)));
  }

  private static byte[] flip(byte[] data, SplittableRandom random, int bits) {
    byte[] copy = data.clone();
    for (int i = 0; i < bits; i++) {
      int bit = random.nextInt(copy.length * 8);
      copy[bit / 8] ^= (byte) (1 << (bit % 8));
    }
    return copy;
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] both = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    return both;
  }

  private static void write(Path folder, Map<String, byte[]> files) throws IOException {
    Files.createDirectories(folder);
    for (Map.Entry<String, byte[]> file : files.entrySet()) {
      Files.write(folder.resolve(file.getKey()), file.getValue());
    }
  }

  /**
   * The edge sequence of a BT9 text with every kind of line the reader's fast path hands to the
   * line parser: CR LF, leading spaces and trailing words, blank lines, leading zeros, and an EOF
   * line without its LF.
   */
  private static String oddSequenceLines(String text) {
    String marker = "BT9_EDGE_SEQUENCE\n";
    int start = text.indexOf(marker) + marker.length();
    String[] ids = text.substring(start, text.lastIndexOf("EOF")).split("\n");
    StringBuilder out = new StringBuilder(text.substring(0, start));
    for (int i = 0; i < ids.length; i++) {
      switch (i % 4) {
        case 1 -> out.append(ids[i]).append("\r\n");
        case 2 -> out.append("  ").append(ids[i]).append(" trailing words\n\n \t \n");
        case 3 -> out.append("000").append(ids[i]).append('\n');
        default -> out.append(ids[i]).append('\n');
      }
    }
    return out.append("EOF").toString();
  }
}
