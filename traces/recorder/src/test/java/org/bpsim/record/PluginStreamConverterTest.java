package org.bpsim.record;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.bpsim.predictor.spi.BranchKind;
import org.bpsim.trace.champsim.ChampSimReader;
import org.bpsim.trace.champsim.ChampSimRecordWriter;
import org.junit.jupiter.api.Test;

final class PluginStreamConverterTest {
  /** Builds a plugin stream as the C plugin writes it. */
  private static final class Stream {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    Stream() {
      bytes.writeBytes(PluginStreamConverter.HEADER);
    }

    Stream tagged(char tag, long value) {
      bytes.write(tag);
      bytes.writeBytes(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(value)
          .array());
      return this;
    }

    Stream instruction(long pc, String hex) {
      return instruction(pc, hex, "");
    }

    Stream instruction(long pc, String hex, String disassembly) {
      byte[] code = HexFormat.of().parseHex(hex);
      tagged('I', pc);
      bytes.write(code.length);
      bytes.writeBytes(code);
      byte[] text = disassembly.getBytes(StandardCharsets.US_ASCII);
      bytes.write(text.length);
      bytes.writeBytes(text);
      return this;
    }

    byte[] toBytes() {
      return bytes.toByteArray();
    }
  }

  private static final class Converted {
    RecordingSummary summary;
    byte[] records;

    long ip(int record) {
      return field(record, 0);
    }

    int taken(int record) {
      return records[record * ChampSimReader.RECORD_BYTES + 9];
    }

    long load(int record, int index) {
      return field(record, 32 + 8 * index);
    }

    long store(int record, int index) {
      return field(record, 16 + 8 * index);
    }

    int count() {
      return records.length / ChampSimReader.RECORD_BYTES;
    }

    private long field(int record, int offset) {
      return ByteBuffer.wrap(records).order(ByteOrder.LITTLE_ENDIAN)
          .getLong(record * ChampSimReader.RECORD_BYTES + offset);
    }
  }

  private static Converted convert(byte[] stream, long max) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Converted converted = new Converted();
    try (ChampSimRecordWriter writer = new ChampSimRecordWriter(out)) {
      converted.summary = new PluginStreamConverter(new ByteArrayInputStream(stream), writer, max)
          .convert();
    }
    converted.records = out.toByteArray();
    return converted;
  }

  /** A 3-instruction loop: 0x1000 dec ecx (2 bytes), 0x1002 jne 0x1000 (2 bytes), 0x1004 ret. */
  private static Stream loopTwice() {
    return new Stream()
        .instruction(0x1000, "ffc9").instruction(0x1002, "75fc").instruction(0x1004, "c3")
        .tagged('X', 0x1000).tagged('X', 0x1002)
        .tagged('X', 0x1000).tagged('X', 0x1002)
        .tagged('X', 0x1004).tagged('R', 0x7ff0);
  }

  @Test
  void aConditionalBranchIsTakenWhenTheNextInstructionIsNotItsFallThrough() throws IOException {
    byte[] stream = loopTwice().instruction(0x2000, "90").tagged('X', 0x2000).tagged('E', 123)
        .toBytes();
    Converted converted = convert(stream, Long.MAX_VALUE);
    assertEquals(6, converted.count());
    assertEquals(1, converted.taken(1)); // jne back to 0x1000
    assertEquals(0, converted.taken(3)); // jne falls through to 0x1004
    assertEquals(1, converted.taken(4)); // ret
    assertEquals(0x7ff0, converted.load(4, 0));
    assertEquals(123, converted.summary.executed());
    assertEquals(2, converted.summary.branches(BranchKind.CONDITIONAL));
    assertEquals(1, converted.summary.conditionalTaken());
    assertEquals(1, converted.summary.branches(BranchKind.RETURN));
  }

  @Test
  void translationsMayArriveBetweenExecutions() throws IOException {
    // 0x2000 is translated only after 0x1004 executed, as QEMU does when it reaches new code.
    byte[] stream = loopTwice().instruction(0x2000, "90").tagged('X', 0x2000).tagged('E', 6)
        .toBytes();
    Converted converted = convert(stream, Long.MAX_VALUE);
    assertEquals(0x2000, converted.ip(5));
  }

  @Test
  void maxInstructionsStopsTheConversion() throws IOException {
    byte[] stream = loopTwice().toBytes(); // no end marker: the plugin stopped the program
    Converted converted = convert(stream, 4);
    assertEquals(4, converted.count());
    assertEquals(0, converted.taken(3));
    assertEquals(-1, converted.summary.executed());
  }

  @Test
  void repeatedAddressesAreKeptOnceAndExtraAccessesCounted() throws IOException {
    Stream stream = new Stream().instruction(0x1000, "f3a4")
        .tagged('X', 0x1000);
    for (int i = 0; i < 6; i++) {
      stream.tagged('R', 0x100 + i).tagged('R', 0x100 + i).tagged('W', 0x200 + i % 3);
    }
    Converted converted = convert(stream.tagged('E', 1).toBytes(), Long.MAX_VALUE);
    assertArrayEquals(new long[] {0x100, 0x101, 0x102, 0x103},
        new long[] {converted.load(0, 0), converted.load(0, 1), converted.load(0, 2),
            converted.load(0, 3)});
    assertEquals(0x200, converted.store(0, 0));
    assertEquals(0x201, converted.store(0, 1));
    // Loads 0x104 and 0x105 and the store to 0x202, each seen twice.
    assertEquals(2 * (2 + 1), converted.summary.droppedAccesses());
  }

  @Test
  void aStreamWithoutItsHeaderIsRefused() {
    IOException e = assertThrows(IOException.class,
        () -> convert("not a plugin stream".getBytes(java.nio.charset.StandardCharsets.US_ASCII),
            Long.MAX_VALUE));
    assertTrue(e.getMessage().contains("header"), e.getMessage());
  }

  @Test
  void aStreamCutShortSaysWhere() {
    byte[] whole = loopTwice().toBytes();
    byte[] cut = java.util.Arrays.copyOf(whole, whole.length - 4);
    IOException e = assertThrows(IOException.class, () -> convert(cut, Long.MAX_VALUE));
    assertTrue(e.getMessage().contains("without its end marker"), e.getMessage());
  }

  @Test
  void anExecutionOfUntranslatedCodeIsAnError() {
    byte[] stream = new Stream().tagged('X', 0x1234).tagged('E', 1).toBytes();
    IOException e = assertThrows(IOException.class, () -> convert(stream, Long.MAX_VALUE));
    assertTrue(e.getMessage().contains("0x1234"), e.getMessage());
  }
}
