package org.bpsim.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.bpsim.predictor.spi.BranchKind;
import org.bpsim.trace.champsim.ChampSimBranchKinds;
import org.bpsim.trace.champsim.ChampSimRecordWriter;

/**
 * Writes small seeded ChampSim traces for the timing model: a program of 64 eight-instruction
 * blocks, each ending in a conditional branch with its own bias, with loads and stores spread over
 * a data footprint large enough to miss in the caches of the {@code small} machine.
 */
final class SmallChampSimTraces {
  private static final long CODE = 0x400000;
  private static final long DATA = 0x10000000;
  private static final int BLOCKS = 64;

  private SmallChampSimTraces() {
  }

  static Path write(Path folder, String name, long seed, int instructions, int footprintLines)
      throws IOException {
    Files.createDirectories(folder);
    Path file = folder.resolve(name);
    SplittableRandom random = new SplittableRandom(seed);
    long[] one = new long[1];
    long[] none = new long[0];
    int block = 0;
    try (OutputStream out = Files.newOutputStream(file);
        ChampSimRecordWriter records = new ChampSimRecordWriter(out)) {
      int written = 0;
      while (written < instructions) {
        long pc = CODE + 32L * block;
        for (int k = 0; k < 7 && written < instructions; k++, written++) {
          one[0] = DATA + 64L * random.nextInt(footprintLines) + 8 * random.nextInt(8);
          boolean load = k == 1 || k == 4;
          boolean store = k == 5 && random.nextInt(3) == 0;
          records.write(pc + 4L * k, ChampSimBranchKinds.NOT_A_BRANCH, false,
              load ? one : none, load ? 1 : 0, store ? one : none, store ? 1 : 0);
        }
        if (written == instructions) {
          break;
        }
        // Block b is taken with probability (b mod 8) / 8; taken jumps elsewhere in the program.
        boolean taken = random.nextInt(8) < block % 8;
        records.write(pc + 28, BranchKind.CONDITIONAL.code(), taken, none, 0, none, 0);
        written++;
        block = taken ? (block * 7 + 3) % BLOCKS : (block + 1) % BLOCKS;
      }
    }
    return file;
  }
}
