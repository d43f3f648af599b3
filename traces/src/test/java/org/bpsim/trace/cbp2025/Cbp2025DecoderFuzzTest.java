package org.bpsim.trace.cbp2025;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Path;
import org.bpsim.trace.TraceFormat;
import org.bpsim.trace.TraceFormatException;

/**
 * Any byte string either decodes as CBP-2025 records or is rejected with a
 * {@link TraceFormatException}; every record decoded splits into the kit's micro-ops without
 * failing (at least one, registers in range, sizes at least one byte, memory pieces only for
 * loads and stores); format detection never throws. In a normal build this replays
 * the seed corpus in {@code Cbp2025DecoderFuzzTestInputs}.
 */
final class Cbp2025DecoderFuzzTest {

  @FuzzTest(maxDuration = "60s")
  void decodesOrRejectsWithATraceFormatException(byte[] data) throws IOException {
    int[] position = {0};
    Cbp2025Decoder decoder = new Cbp2025Decoder(new Cbp2025Decoder.ByteSource() {
      @Override
      public int read() {
        return position[0] < data.length ? data[position[0]++] & 0xff : -1;
      }

      @Override
      public long offset() {
        return position[0];
      }
    }, Path.of("fuzz.trace"));
    try {
      long records = 0;
      Cbp2025MicroOps microOps = new Cbp2025MicroOps();
      while (decoder.next()) {
        records++;
        checkCracking(decoder, microOps);
        if (decoder.records() != records || position[0] > data.length) {
          throw new AssertionError("decoder lost count");
        }
      }
      if (position[0] != data.length) {
        throw new AssertionError("clean end before the last byte");
      }
    } catch (TraceFormatException expected) {
      if (!expected.getMessage().startsWith("fuzz.trace: decompressed byte ")) {
        throw new AssertionError("error does not locate itself: " + expected.getMessage());
      }
    }
    Cbp2025Decoder.plausible(data);
    TraceFormat.detect(data, "fuzz.trace");
  }

  private static void checkCracking(Cbp2025Decoder decoder, Cbp2025MicroOps microOps) {
    int pieces = microOps.crack(decoder);
    if (pieces < 1 || pieces != microOps.pieces()) {
      throw new AssertionError("no micro-op");
    }
    boolean memory = InstructionClass.isMemory(decoder.instructionClass());
    for (int p = 0; p < pieces; p++) {
      for (int slot = 0; slot < 3; slot++) {
        int register = microOps.source(p, slot);
        if (register < Cbp2025MicroOps.NONE || register > 255) {
          throw new AssertionError("source out of range: " + register);
        }
      }
      int destination = microOps.destination(p);
      if (destination < Cbp2025MicroOps.NONE || destination > 255 || microOps.size(p) < 1) {
        throw new AssertionError("bad destination or size");
      }
      if ((microOps.isLoad(p) || microOps.isStore(p)) && !memory) {
        throw new AssertionError("a memory piece of a non-memory instruction");
      }
    }
  }
}
