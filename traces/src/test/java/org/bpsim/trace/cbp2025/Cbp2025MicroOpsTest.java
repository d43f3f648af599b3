package org.bpsim.trace.cbp2025;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.bpsim.trace.SharedMaterial;
import org.bpsim.trace.TraceInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The kit reader's cracking rules (lib/trace_reader.h), record by record. */
final class Cbp2025MicroOpsTest {
  private static final int NONE = Cbp2025MicroOps.NONE;

  @TempDir
  Path folder;

  private Cbp2025MicroOps crackFirst(byte[] record) throws IOException {
    Path file = folder.resolve("one.gz");
    try (GZIPOutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      out.write(record);
    }
    try (TraceInput input = TraceInput.open(file)) {
      Cbp2025Decoder decoder = new Cbp2025Decoder(input);
      assertTrue(decoder.next());
      Cbp2025MicroOps ops = new Cbp2025MicroOps();
      ops.crack(decoder);
      return ops;
    }
  }

  private static void piece(Cbp2025MicroOps ops, int p, int cls, int a, int b, int c, int d) {
    assertEquals(cls, ops.pieceClass(p), "class of piece " + p);
    assertEquals(a, ops.source(p, 0), "A of piece " + p);
    assertEquals(b, ops.source(p, 1), "B of piece " + p);
    assertEquals(c, ops.source(p, 2), "C of piece " + p);
    assertEquals(d, ops.destination(p), "D of piece " + p);
  }

  @Test
  void loadOfAWideRegisterWithBaseUpdateMakesTwoHalvesAndAnAluPiece() throws IOException {
    Cbp2025MicroOps ops = crackFirst(
        new Cbp2025RecordWriter().loadPairWithBaseUpdate(0x1000, 0x8000, 16).bytes());
    assertEquals(3, ops.pieces());
    piece(ops, 0, InstructionClass.LOAD, 1, NONE, NONE, 32);
    piece(ops, 1, InstructionClass.LOAD, 1, NONE, NONE, 32);
    piece(ops, 2, InstructionClass.ALU, 1, NONE, NONE, 1);
    assertTrue(ops.isLoad(0) && ops.isLoad(1) && !ops.isLoad(2));
    assertEquals(0x8000, ops.address(0));
    assertEquals(0x8008, ops.address(1));
    assertEquals(8, ops.size(0));
    assertEquals(8, ops.size(1));
  }

  @Test
  void storeWithBaseUpdateMakesAStorePieceAndAnAluPiece() throws IOException {
    Cbp2025MicroOps ops = crackFirst(new Cbp2025RecordWriter().store(0x1000, 0x9000, 8).bytes());
    assertEquals(2, ops.pieces());
    piece(ops, 0, InstructionClass.STORE, 31, 40, NONE, NONE);
    piece(ops, 1, InstructionClass.ALU, 31, NONE, NONE, 31);
    assertTrue(ops.isStore(0));
    assertFalse(ops.isStore(1));
    assertEquals(8, ops.size(0));
  }

  @Test
  void wideRegistersWithZeroUpperHalvesAddNoPieceButStillTakeTwoSteps() throws IOException {
    // An FP op writing d0 (32) and d1 (33), both upper halves zero: two pieces, and the kit's
    // register index stays on d0 for both (d1 gets no piece).
    Cbp2025RecordWriter w = new Cbp2025RecordWriter();
    w.raw(0, 0x10, 0, 0, 0, 0, 0, 0, InstructionClass.FP, 2, 34, 35, 2, 32, 33);
    for (int value = 0; value < 4; value++) {
      w.raw(value == 0 || value == 2 ? 5 : 0, 0, 0, 0, 0, 0, 0, 0);
    }
    Cbp2025MicroOps ops = crackFirst(w.bytes());
    assertEquals(2, ops.pieces());
    piece(ops, 0, InstructionClass.FP, 34, 35, NONE, 32);
    piece(ops, 1, InstructionClass.FP, 34, 35, NONE, 32);
  }

  @Test
  void storeWithRegisterOffsetSplitsItsValueRegisters() throws IOException {
    // A store pair: address x2, offset x3, values x4 and x5, 16 bytes, no base update.
    Cbp2025RecordWriter w = new Cbp2025RecordWriter();
    w.raw(0, 0x10, 0, 0, 0, 0, 0, 0, InstructionClass.STORE);
    w.raw(0, 0x40, 0, 0, 0, 0, 0, 0, 16, 0, 1);
    w.raw(4, 2, 3, 4, 5, 0);
    Cbp2025MicroOps ops = crackFirst(w.bytes());
    assertEquals(2, ops.pieces());
    piece(ops, 0, InstructionClass.STORE, 2, 3, 4, NONE);
    piece(ops, 1, InstructionClass.STORE, 2, 3, 5, NONE);
    assertEquals(0x4000, ops.address(0));
    assertEquals(0x4008, ops.address(1));
    assertEquals(8, ops.size(1));
  }

  /** The kit's reader makes 1,138,403 micro-ops of the 997,301 instructions of its sample. */
  @Test
  void sharedSampleHasTheKitsMicroOpCount() throws IOException {
    Path sample = SharedMaterial.traceOrSkip("cbp2025/sample_int_trace.gz");
    long instructions = 0;
    long microOps = 0;
    try (TraceInput input = TraceInput.open(sample)) {
      Cbp2025InstructionStream stream = new Cbp2025InstructionStream(input);
      stream.splitIntoMicroOps();
      while (stream.next()) {
        microOps++;
        if (stream.lastMicroOp()) {
          instructions++;
        }
      }
    }
    assertEquals(997_301, instructions);
    assertEquals(1_138_403, microOps);
  }
}
