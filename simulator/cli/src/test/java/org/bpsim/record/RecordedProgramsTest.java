package org.bpsim.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.bpsim.cli.BpsimCommand;
import org.bpsim.predictor.spi.BranchKind;
import org.bpsim.trace.BranchBatch;
import org.bpsim.trace.TraceReader;
import org.bpsim.trace.TraceOpener;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Records small freestanding C programs (no C library, so every executed instruction is theirs)
 * whose branch behaviour is known, and checks the trace's counts exactly. Each program's _start
 * adds 2 direct calls (run, exit_program) and 1 return (from run).
 */
final class RecordedProgramsTest {
  private static final String[] PROGRAMS = {"freestanding.h", "loop.c", "calls.c", "indirect.c",
      "switch.c",
      "fork.c"};

  @TempDir
  static Path work;

  @BeforeAll
  static void needsGccAndQemu() throws IOException {
    TestPrograms.assumeGccAndQemu();
    TestPrograms.copy(work, PROGRAMS);
  }

  @Test
  void loopOfOneThousandIterationsGivesExactConditionalCounts() throws Exception {
    Counts counts = recordWhole("loop");
    // The loop test runs 1001 times (taken 1000); the if runs 1000 times, skipping the body
    // (taken) when i % 3 != 0: 666 times.
    assertEquals(2001, counts.of(BranchKind.CONDITIONAL));
    assertEquals(1666, counts.conditionalTaken);
    assertEquals(1, counts.of(BranchKind.DIRECT_JUMP)); // into the loop test
    assertEquals(2, counts.of(BranchKind.DIRECT_CALL));
    assertEquals(1, counts.of(BranchKind.RETURN));
    assertEquals(counts.instructions, counts.executed);
  }

  @Test
  void recursionTwentyDeepGivesOneCallAndReturnPerLevel() throws Exception {
    Counts counts = recordWhole("calls");
    assertEquals(21 + 2, counts.of(BranchKind.DIRECT_CALL));
    assertEquals(21 + 1, counts.of(BranchKind.RETURN));
    assertEquals(21, counts.of(BranchKind.CONDITIONAL)); // n == 0 once per call
    assertEquals(20, counts.conditionalTaken); // n != 0 jumps over "return 0"
    assertEquals(1, counts.of(BranchKind.DIRECT_JUMP)); // from "return 0" to the epilogue
    assertEquals(0, counts.of(BranchKind.INDIRECT_CALL));
  }

  @Test
  void callsThroughFunctionPointersAreIndirectCalls() throws Exception {
    Counts counts = recordWhole("indirect");
    assertEquals(30, counts.of(BranchKind.INDIRECT_CALL));
    assertEquals(2, counts.of(BranchKind.DIRECT_CALL));
    assertEquals(30 + 1, counts.of(BranchKind.RETURN));
    assertEquals(31, counts.of(BranchKind.CONDITIONAL));
    assertEquals(30, counts.conditionalTaken);
  }

  @Test
  void denseSwitchJumpsThroughItsTable() throws Exception {
    Counts counts = recordWhole("switch");
    // 80 bound checks (taken to default for 8 and 9: 16 times) + the loop's 81 tests (80 taken).
    assertEquals(80 + 81, counts.of(BranchKind.CONDITIONAL));
    assertEquals(16 + 80, counts.conditionalTaken);
    assertEquals(64, counts.of(BranchKind.INDIRECT_JUMP));
    assertEquals(64 + 1, counts.of(BranchKind.DIRECT_JUMP)); // each case to the end, loop entry
    assertEquals(80 + 2, counts.of(BranchKind.DIRECT_CALL));
    assertEquals(80 + 1, counts.of(BranchKind.RETURN));
  }

  @Test
  void aForkedChildIsNotRecordedAndDoesNotDisturbTheParentsTrace() throws Exception {
    Counts counts = recordWhole("fork");
    // Parent only: "child == 0" once (taken: the parent skips the child's code), its loop 51
    // times (taken 50). The child's 1000-iteration loop must not appear.
    assertEquals(1 + 51, counts.of(BranchKind.CONDITIONAL));
    assertEquals(1 + 50, counts.conditionalTaken);
    assertEquals(1, counts.of(BranchKind.DIRECT_JUMP));
    assertEquals(2 + 2, counts.of(BranchKind.DIRECT_CALL)); // + fork and wait4 wrappers
    assertEquals(1 + 2, counts.of(BranchKind.RETURN));
    assertEquals(counts.instructions, counts.executed);
  }

  @Test
  void skipAndMaxInstructionsBoundTheRecordingExactly() throws Exception {
    Path program = compile("loop");
    Path trace = work.resolve("loop-window.champsimtrace.xz");
    QemuRecorder.Recording recording = QemuRecorder.record(trace, 100, 5000,
        List.of(program.toString()), Redirect.DISCARD, true, Map.of());
    assertEquals(5000, recording.summary().instructions());
    assertEquals(-1, recording.summary().executed()); // stopped before the program's end
    Counts counts = read(trace);
    assertEquals(5000, counts.instructions);
    assertEquals(counts.of(BranchKind.CONDITIONAL),
        recording.summary().branches(BranchKind.CONDITIONAL));
  }

  @Test
  void recordCommandWritesATraceThatInfoDescribes() throws Exception {
    Path program = compile("calls");
    Path trace = work.resolve("calls-cli.champsimtrace.xz");
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    CommandLine record = BpsimCommand.commandLine();
    record.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
    int status = record.execute("record", "-o", trace.toString(), "--program-output",
        work.resolve("calls.out").toString(), "--", program.toString());
    assertEquals(0, status, err.toString(StandardCharsets.UTF_8));

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    CommandLine info = BpsimCommand.commandLine();
    info.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
    assertEquals(0, info.execute("info", trace.toString()));
    String text = out.toString(StandardCharsets.UTF_8);
    assertTrue(text.contains("direct_call:       23"), text);
    assertTrue(text.contains("return:            22"), text);
    assertTrue(text.contains("conditional:       21"), text);
  }

  @Test
  void aProgramThatDoesNotExistIsAOneLineUserError() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    CommandLine record = BpsimCommand.commandLine();
    record.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
    Path trace = work.resolve("none.champsimtrace.xz");
    int status = record.execute("record", "-o", trace.toString(), "--",
        work.resolve("no-such-program").toString());
    assertEquals(2, status);
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("no such program"),
        err.toString(StandardCharsets.UTF_8));
    assertTrue(Files.notExists(trace));
  }

  private Counts recordWhole(String name) throws Exception {
    Path program = compile(name);
    Path trace = work.resolve(name + ".champsimtrace.xz");
    QemuRecorder.Recording recording = QemuRecorder.record(trace, 0, Long.MAX_VALUE,
        List.of(program.toString()), Redirect.DISCARD, true, Map.of());
    assertEquals(0, recording.exitStatus());
    Counts counts = read(trace);
    counts.executed = recording.summary().executed();
    assertEquals(counts.instructions, recording.summary().instructions());
    return counts;
  }

  private static Path compile(String name) throws IOException, InterruptedException {
    return TestPrograms.compile(work, name, "-O0");
  }

  private static Counts read(Path trace) throws IOException {
    Counts counts = new Counts();
    try (TraceReader reader = TraceOpener.branches(trace)) {
      BranchBatch batch = new BranchBatch();
      int n;
      while ((n = reader.read(batch)) > 0) {
        for (int i = 0; i < n; i++) {
          counts.byKind[batch.kind[i]]++;
          if (batch.kind[i] == BranchKind.CONDITIONAL.code() && batch.taken[i]) {
            counts.conditionalTaken++;
          }
        }
      }
      counts.instructions = reader.instructionsRead();
    }
    return counts;
  }

  private static final class Counts {
    final long[] byKind = new long[BranchKind.values().length];
    long conditionalTaken;
    long instructions;
    long executed;

    long of(BranchKind kind) {
      return byKind[kind.ordinal()];
    }
  }
}
