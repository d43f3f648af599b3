package org.bpsim.cache;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/** Seeded random data-access streams with some locality, for property tests. */
final class RandomTraces {
  private RandomTraces() {
  }

  /** Addresses in {@code [0, footprint)}, mostly near recent ones, about a third writes. */
  static long[] addresses(long seed, int length, int footprint) {
    SplittableRandom random = new SplittableRandom(seed);
    long[] addresses = new long[length];
    long hot = 0;
    for (int i = 0; i < length; i++) {
      int kind = random.nextInt(10);
      if (kind < 6) {
        hot = Math.floorMod(hot + random.nextInt(-64, 65), footprint);
        addresses[i] = hot;
      } else {
        addresses[i] = random.nextInt(footprint);
      }
    }
    return addresses;
  }

  static boolean[] writes(long seed, int length) {
    SplittableRandom random = new SplittableRandom(seed ^ 0x5deece66dL);
    boolean[] writes = new boolean[length];
    for (int i = 0; i < length; i++) {
      writes[i] = random.nextInt(3) == 0;
    }
    return writes;
  }

  static Path write(Path folder, long[] addresses, boolean[] writes) throws IOException {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < addresses.length; i++) {
      text.append(writes[i] ? "w " : "r ").append(Long.toHexString(addresses[i])).append('\n');
    }
    Path file = folder.resolve("random.trace");
    Files.writeString(file, text);
    return file;
  }
}
