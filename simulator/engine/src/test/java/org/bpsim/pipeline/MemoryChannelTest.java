package org.bpsim.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

final class MemoryChannelTest {

  static LongStream seeds() {
    return LongStream.range(0, 300).map(i -> 0x5DEECE66DL * (i + 1));
  }

  @Test
  void aRequestForAnEarlierCycleDoesNotQueueBehindALaterBooking() {
    MemoryChannel channel = new MemoryChannel(8);
    assertEquals(1000, channel.book(1000));
    assertEquals(100, channel.book(100));
    assertEquals(108, channel.book(100)); // behind the one just booked at 100
    assertEquals(1008, channel.book(1000));
    assertEquals(116, channel.book(110));
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void requestsInTimeOrderAreServedFirstComeFirstServed(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int block = 1 + random.nextInt(16);
    MemoryChannel channel = new MemoryChannel(block);
    long now = random.nextInt(1000);
    long busyUntil = 0;
    for (int n = 0; n < 2000; n++) {
      now += random.nextInt(3) == 0 ? random.nextInt(5 * block) : 0;
      long expected = Math.max(now, busyUntil);
      busyUntil = expected + block;
      assertEquals(expected, channel.book(now), "seed " + seed + ", request " + n);
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void eachRequestGetsTheEarliestFreeStretchFromItsCycle(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int block = 1 + random.nextInt(16);
    MemoryChannel channel = new MemoryChannel(block);
    List<long[]> booked = new ArrayList<>();
    long base = random.nextInt(1 << 20);
    // requests out of order but within a span far smaller than the channel's window
    for (int n = 0; n < 400; n++) {
      long now = base + random.nextInt(4000) + n * (long) random.nextInt(3);
      long expected = now;
      boolean moved = true;
      while (moved) {
        moved = false;
        for (long[] b : booked) {
          if (expected < b[1] && b[0] < expected + block) {
            expected = b[1];
            moved = true;
          }
        }
      }
      booked.add(new long[] {expected, expected + block});
      assertEquals(expected, channel.book(now), "seed " + seed + ", request " + n);
    }
  }

  @Test
  void aRequestOlderThanTheWindowIsTakenAsArrivingAtItsStart() {
    MemoryChannel channel = new MemoryChannel(4);
    long late = 3 * MemoryChannel.WINDOW;
    assertEquals(late, channel.book(late));
    assertEquals(late + 4 - MemoryChannel.WINDOW, channel.book(0));
  }
}
