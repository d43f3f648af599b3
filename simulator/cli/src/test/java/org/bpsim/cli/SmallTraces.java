package org.bpsim.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/** Small CBP-1 style text traces ({@code <pc-hex> <0|1>} per line) made from a seed. */
final class SmallTraces {
  private SmallTraces() {
  }

  /**
   * A loop-like trace: a few hot branches with biased outcomes and one loop branch, so that the
   * predictors differ and the hardest branches are clear.
   */
  static Path write(Path folder, String name, long seed, int branches) throws IOException {
    SplittableRandom random = new SplittableRandom(seed);
    long[] pcs = new long[12];
    double[] bias = new double[pcs.length];
    for (int i = 0; i < pcs.length; i++) {
      pcs[i] = 0x400000L + 4L * random.nextInt(1 << 16);
      bias[i] = random.nextDouble();
    }
    StringBuilder text = new StringBuilder(branches * 10);
    for (int i = 0; i < branches; i++) {
      int b = random.nextInt(pcs.length);
      boolean taken = b == 0 ? i % 8 != 7 : random.nextDouble() < bias[b];
      text.append(Long.toHexString(pcs[b])).append(taken ? " 1\n" : " 0\n");
    }
    Files.createDirectories(folder);
    return Files.writeString(folder.resolve(name), text);
  }
}
