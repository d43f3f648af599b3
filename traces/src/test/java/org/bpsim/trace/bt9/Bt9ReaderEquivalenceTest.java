package org.bpsim.trace.bt9;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.zip.GZIPOutputStream;
import org.bpsim.trace.BranchBatch;
import org.bpsim.trace.TraceFormatException;
import org.bpsim.trace.TraceInput;
import org.bpsim.trace.TraceReader;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The BT9 reader scans the edge sequence in place and leaves only unusual lines to the
 * line-by-line parser; these properties hold it to the reader it replaced
 * ({@link ReferenceBt9Reader}): the same branches in the same batches, and for bad input the same
 * one-line error, naming the same line.
 */
final class Bt9ReaderEquivalenceTest {
  @TempDir
  Path dir;

  static LongStream seeds() {
    return LongStream.range(0, 200).map(i -> 0xb79L * 1_000_003 + i);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void readsEveryTraceAndEveryDamageExactlyAsTheLineByLineReader(long seed) throws IOException {
    SplittableRandom random = new SplittableRandom(seed);
    byte[] text = randomTrace(random);
    for (int trial = 0; trial < 4; trial++) {
      byte[] input = trial == 0 ? text : damage(text, random);
      boolean gzip = random.nextBoolean();
      Path file = dir.resolve("t" + trial + (gzip ? ".bt9.trace.gz" : ".bt9.trace"));
      Files.write(file, gzip ? gzip(input) : input);
      int capacity = random.nextInt(4) == 0 ? random.nextInt(1, 64) : 8192;
      assertEquals(readAll(file, capacity, true), readAll(file, capacity, false),
          "seed " + seed + ", trial " + trial);
    }
  }

  /** Everything a reader yields, or its error message, as one comparable text. */
  private static String readAll(Path file, int capacity, boolean reference) throws IOException {
    StringBuilder out = new StringBuilder();
    try (TraceInput input = TraceInput.open(file);
        TraceReader reader = reference ? new ReferenceBt9Reader(input) : new Bt9Reader(input)) {
      BranchBatch batch = new BranchBatch(capacity);
      int n;
      while ((n = reader.read(batch)) > 0) {
        // a digest rather than the text of every branch keeps long traces cheap to compare
        long digest = n;
        for (int i = 0; i < n; i++) {
          digest = digest * 31 + batch.pc[i];
          digest = digest * 31 + batch.target[i];
          digest = digest * 31 + batch.kind[i];
          digest = digest * 31 + (batch.taken[i] ? 1 : 0);
          digest = digest * 31 + batch.position[i];
        }
        out.append("batch ").append(n).append(' ').append(digest).append('\n');
      }
      out.append("end ").append(reader.instructionsRead()).append(' ')
          .append(reader.declaredInstructions()).append('\n');
    } catch (TraceFormatException e) {
      out.append("error ").append(e.getMessage()).append('\n');
    }
    return out.toString();
  }

  /**
   * A small BT9 graph and a sequence that walks it, with the odd lines real files may have:
   * blank lines, CR LF endings, spaces, leading zeros. Some sequences are long enough to cross
   * the reader's block boundaries several times.
   */
  private static byte[] randomTrace(SplittableRandom random) {
    StringBuilder t = new StringBuilder();
    t.append("BT9_SPA_TRACE_FORMAT\nbt9_minor_version: 0\n");
    t.append("total_instruction_count: ").append(random.nextInt(1_000_000)).append('\n');
    t.append("BT9_NODES\n");
    int nodes = random.nextInt(2, 12);
    String[] classes = {"JMP+DIR+CND", "JMP+DIR+UCD", "JMP+IND+UCD", "CALL+DIR+UCD",
        "CALL+IND+UCD", "RET+IND+UCD"};
    t.append("NODE 0 0 - 0 0\n");
    for (int n = 1; n < nodes; n++) {
      t.append("NODE ").append(n).append(" 0x").append(Long.toHexString(random.nextLong()))
          .append(" - 0x0 4 class: ").append(classes[random.nextInt(classes.length)])
          .append('\n');
    }
    t.append("BT9_EDGES\n");
    int edges = random.nextInt(1, 40);
    for (int e = 0; e < edges; e++) {
      // node 0 is the placeholder: its edges may only start the sequence
      int source = e == 0 ? 0 : random.nextInt(1, nodes);
      t.append("EDGE ").append(e).append(' ').append(source).append(' ')
          .append(random.nextInt(nodes)).append(random.nextBoolean() ? " T" : " N")
          .append(" 0x").append(Long.toHexString(random.nextLong() >>> 4)).append(" - ")
          .append(random.nextInt(4) == 0 ? random.nextInt(100_000) : random.nextInt(8))
          .append('\n');
    }
    t.append("BT9_EDGE_SEQUENCE\n");
    int length = random.nextInt(20) == 0 ? random.nextInt(100_000, 120_000)
        : random.nextInt(0, 3000);
    boolean crlf = random.nextInt(10) == 0;
    for (int i = 0; i < length; i++) {
      int odd = random.nextInt(200);
      int edge = i == 0 ? 0 : random.nextInt(1, Math.max(2, edges));
      if (edge >= edges) {
        edge = edges - 1;
      }
      if (odd == 0) {
        t.append(random.nextBoolean() ? "" : " \t ");
      } else if (odd == 1) {
        t.append("  ").append(edge).append(" trailing words");
      } else if (odd == 2) {
        t.append("000").append(edge);
      } else {
        t.append(edge);
      }
      t.append(crlf ? "\r\n" : "\n");
    }
    if (random.nextInt(10) != 0) {
      t.append(random.nextBoolean() ? "EOF\n" : "EOF");
    }
    return t.toString().getBytes(StandardCharsets.ISO_8859_1);
  }

  /** Flips, inserts or deletes bytes, mostly in the edge sequence, or cuts the file short. */
  private static byte[] damage(byte[] text, SplittableRandom random) {
    String s = new String(text, StandardCharsets.ISO_8859_1);
    int sequence = s.indexOf("BT9_EDGE_SEQUENCE");
    List<Byte> bytes = new ArrayList<>();
    for (byte b : text) {
      bytes.add(b);
    }
    byte[] alphabet = "0123456789\n\r \tEOFx-".getBytes(StandardCharsets.ISO_8859_1);
    int changes = random.nextInt(1, 4);
    for (int c = 0; c < changes && !bytes.isEmpty(); c++) {
      int from = random.nextInt(5) == 0 ? 0 : Math.min(sequence, bytes.size() - 1);
      int at = random.nextInt(from, bytes.size());
      byte b = alphabet[random.nextInt(alphabet.length)];
      switch (random.nextInt(5)) {
        case 0 -> bytes.set(at, b);
        case 1 -> bytes.add(at, b);
        case 2 -> bytes.remove(at);
        case 3 -> {
          // a digit string too long for an int, or for a long
          String digits = random.nextBoolean() ? "98765432101" : "123456789012345678901234";
          for (int i = digits.length() - 1; i >= 0; i--) {
            bytes.add(at, (byte) digits.charAt(i));
          }
        }
        default -> bytes.subList(at, bytes.size()).clear();
      }
    }
    byte[] out = new byte[bytes.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = bytes.get(i);
    }
    return out;
  }

  private static byte[] gzip(byte[] data) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
      out.write(data);
    }
    return bytes.toByteArray();
  }
}
