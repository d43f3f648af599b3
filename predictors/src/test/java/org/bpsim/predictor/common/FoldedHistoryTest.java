package org.bpsim.predictor.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

final class FoldedHistoryTest {

  static LongStream seeds() {
    return LongStream.range(0, 300).map(i -> 0x9E3779B97F4A7C15L * (i + 1));
  }

  /** The fold of the last L bits into C bits, computed from scratch from the bits themselves. */
  private static int directFold(FoldedHistory history, int length, int width) {
    int value = 0;
    for (int age = 0; age < length; age++) {
      value ^= history.bit(age) << (age % width);
    }
    return value;
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void incrementalFoldsEqualTheDirectFoldOfTheWholeHistory(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int maxLength = 1 + random.nextInt(3000);
    FoldedHistory history = new FoldedHistory(maxLength);
    int folds = 1 + random.nextInt(6);
    int[] length = new int[folds];
    int[] width = new int[folds];
    int[] handle = new int[folds];
    for (int f = 0; f < folds; f++) {
      length[f] = random.nextInt(maxLength + 1);
      width[f] = 1 + random.nextInt(24);
      handle[f] = history.addFold(length[f], width[f]);
    }
    int pushes = random.nextInt(4 * maxLength + 50);
    for (int n = 0; n < pushes; n++) {
      history.push(random.nextInt(8), 1 + random.nextInt(3));
    }
    for (int f = 0; f < folds; f++) {
      assertEquals(directFold(history, length[f], width[f]), history.fold(handle[f]),
          "seed " + seed + ": fold of " + length[f] + " bits into " + width[f]);
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void bitsComeOutInTheOrderTheyWentIn(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    FoldedHistory history = new FoldedHistory(64);
    int[] pushed = new int[40];
    int n = 0;
    while (n < pushed.length - 3) {
      int count = 1 + random.nextInt(3);
      int bits = random.nextInt(8) & ((1 << count) - 1);
      history.push(bits, count);
      for (int j = 0; j < count; j++) {
        pushed[n++] = (bits >>> j) & 1;
      }
    }
    for (int age = 0; age < n; age++) {
      assertEquals(pushed[n - 1 - age], history.bit(age), "seed " + seed + ", age " + age);
    }
  }

  /**
   * An exchange puts the saved folds in and hands the current ones out; a second exchange puts
   * them back, and the folds then follow later pushes as if nothing had happened.
   */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void exchangedFoldsAreReadAndTwoExchangesChangeNothing(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int maxLength = 1 + random.nextInt(1500);
    FoldedHistory history = new FoldedHistory(maxLength);
    int folds = 1 + random.nextInt(6);
    int[] length = new int[folds];
    int[] width = new int[folds];
    for (int f = 0; f < folds; f++) {
      length[f] = random.nextInt(maxLength + 1);
      width[f] = 1 + random.nextInt(24);
      history.addFold(length[f], width[f]);
    }
    for (int n = random.nextInt(2 * maxLength + 20); n > 0; n--) {
      history.push(random.nextInt(8), 1 + random.nextInt(3));
    }
    int[] saved = new int[folds];
    for (int f = 0; f < folds; f++) {
      saved[f] = random.nextInt(1 << width[f]);
    }
    int[] expectedIn = saved.clone();
    // pushed but not yet folded bits must be folded before the exchange
    history.push(random.nextInt(8), 1 + random.nextInt(3));
    int[] live = new int[folds];
    for (int f = 0; f < folds; f++) {
      live[f] = directFold(history, length[f], width[f]);
    }
    history.exchangeFolds(saved);
    for (int f = 0; f < folds; f++) {
      assertEquals(expectedIn[f], history.fold(f), "seed " + seed + ": exchanged-in fold " + f);
      assertEquals(live[f], saved[f], "seed " + seed + ": handed-out fold " + f);
    }
    history.exchangeFolds(saved);
    for (int n = random.nextInt(50); n > 0; n--) {
      history.push(random.nextInt(8), 1 + random.nextInt(3));
    }
    for (int f = 0; f < folds; f++) {
      assertEquals(directFold(history, length[f], width[f]), history.fold(f),
          "seed " + seed + ": fold " + f + " after the exchanges");
    }
  }
}
