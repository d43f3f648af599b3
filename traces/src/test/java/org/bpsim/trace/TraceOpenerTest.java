package org.bpsim.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.bpsim.trace.memory.DataAccessBatch;
import org.bpsim.trace.memory.DataAccessReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One opening path for branches, instructions and data accesses, and what each format provides. */
final class TraceOpenerTest {
  @TempDir
  Path dir;

  @Test
  void theInstructionTracesProvideEverythingAndTheBranchTracesBranchesOnly() {
    for (TraceFormat format : TraceFormat.values()) {
      boolean instructions = format == TraceFormat.CHAMPSIM || format == TraceFormat.CBP2025;
      assertTrue(format.provides(TraceContent.BRANCHES), format.id());
      assertEquals(instructions, format.provides(TraceContent.INSTRUCTIONS), format.id());
      assertEquals(instructions, format.provides(TraceContent.DATA_ACCESSES), format.id());
    }
  }

  @Test
  void opensTheBundledChampSimTraceForEachOfItsContents() throws IOException {
    Path trace = ProjectRoot.resolve("traces/samples/grep.champsimtrace.xz");
    for (TraceContent content : TraceContent.values()) {
      assertTrue(TraceOpener.provides(trace, content), content.name());
    }
    try (TraceReader branches = TraceOpener.branches(trace)) {
      assertEquals(TraceFormat.CHAMPSIM, branches.format());
      assertTrue(branches.read(new BranchBatch()) > 0);
    }
    try (InstructionStream instructions = TraceOpener.instructions(trace)) {
      assertTrue(instructions.next());
    }
    try (DataAccessReader accesses = TraceOpener.dataAccesses(trace)) {
      assertTrue(accesses.read(new DataAccessBatch()) > 0);
    }
  }

  @Test
  void aBranchTraceIsRefusedForInstructionsAndDataAccessesNamingTheFile() throws IOException {
    Path text = Files.writeString(dir.resolve("loop.txt"), "0x4010 1\n0x4010 0\n");
    assertTrue(TraceOpener.provides(text, TraceContent.BRANCHES));
    assertFalse(TraceOpener.provides(text, TraceContent.INSTRUCTIONS));
    assertFalse(TraceOpener.provides(text, TraceContent.DATA_ACCESSES));
    TraceFormatException instructions = assertThrows(TraceFormatException.class,
        () -> TraceOpener.instructions(text));
    assertEquals(text + ": byte 0: timing simulation needs a trace with every instruction and "
        + "its memory addresses (supported: CBP-2025 kit and ChampSim traces), not text",
        instructions.getMessage());
    TraceFormatException accesses = assertThrows(TraceFormatException.class,
        () -> TraceOpener.dataAccesses(text));
    assertEquals(text + ": byte 0: not a memory trace (known: plain text 'r|w <address-hex>' "
        + "per line, CBP-2025 kit and ChampSim traces)", accesses.getMessage());
  }

  @Test
  void aPlainMemoryTraceProvidesDataAccessesOnly() throws IOException {
    Path memory = Files.writeString(dir.resolve("accesses.txt"), "r 1000\nw 2040\nr 1000\n");
    assertTrue(TraceOpener.provides(memory, TraceContent.DATA_ACCESSES));
    assertFalse(TraceOpener.provides(memory, TraceContent.INSTRUCTIONS));
    try (DataAccessReader reader = TraceOpener.dataAccesses(memory)) {
      assertEquals(3, reader.read(new DataAccessBatch()));
    }
  }

  @Test
  void aFileEmptyOnceDecompressedIsRefusedAlikeForEveryContent() throws IOException {
    Path empty = dir.resolve("empty.champsimtrace.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(empty))) {
      out.write("".getBytes(StandardCharsets.US_ASCII));
    }
    String expected = empty + ": decompressed byte 0: empty after gzip decompression";
    assertEquals(expected, assertThrows(TraceFormatException.class,
        () -> TraceOpener.branches(empty)).getMessage());
    assertEquals(expected, assertThrows(TraceFormatException.class,
        () -> TraceOpener.instructions(empty)).getMessage());
    assertEquals(expected, assertThrows(TraceFormatException.class,
        () -> TraceOpener.dataAccesses(empty)).getMessage());
    for (TraceContent content : TraceContent.values()) {
      assertFalse(TraceOpener.provides(empty, content), content.name());
    }
  }
}
