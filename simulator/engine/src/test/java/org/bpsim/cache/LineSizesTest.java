package org.bpsim.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.LongStream;
import org.bpsim.cache.replacement.ReplacementPolicies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Levels whose lines are larger than the lines of the level above them. */
final class LineSizesTest {
  private static final ReplacementPolicies POLICIES = ReplacementPolicies.builtIn();
  private static final String[] POLICY_NAMES = {"lru", "fifo", "random:seed=3", "srrip"};

  private static CacheHierarchy hierarchy(int l1Line, int l2Line, String policy,
      Inclusion inclusion) {
    CacheConfig l1 = new CacheConfig("L1", 1024, 2, l1Line, 1, policy);
    CacheConfig l2 = new CacheConfig("L2", 8192, 4, l2Line, 10, policy);
    return new CacheRun(new HierarchyConfig(List.of(l1, l2), inclusion), POLICIES).build();
  }

  @Test
  void aMissFetchesTheEnclosingLargerBlockSoItsOtherHalfHitsBelow() {
    CacheHierarchy caches = hierarchy(64, 128, "lru", Inclusion.NON_INCLUSIVE);
    assertEquals(2, caches.access(0x1000, false), "cold: from memory");
    assertEquals(1, caches.access(0x1040, false), "the other 64 bytes of the 128-byte L2 block");
    assertEquals(0, caches.access(0x1048, false), "now in L1");
    assertEquals(1, caches.memoryReads());
    assertEquals(2, caches.levels().get(0).stats().readMisses());
    assertEquals(1, caches.levels().get(1).stats().readMisses());
  }

  @Test
  void aDirtyVictimIsWrittenIntoTheEnclosingBlockBelow() {
    // One-set, one-way L1 of 64-byte lines over a 128-byte-line L2.
    CacheConfig l1 = new CacheConfig("L1", 64, 1, 64, 1, "lru");
    CacheConfig l2 = new CacheConfig("L2", 1024, 2, 128, 10, "lru");
    CacheHierarchy caches = new CacheRun(new HierarchyConfig(List.of(l1, l2),
        Inclusion.NON_INCLUSIVE), POLICIES).build();
    caches.access(0x2000, true);
    caches.access(0x2040, false);
    CacheStats below = caches.levels().get(1).stats();
    assertEquals(1, below.writes(), "the dirty 64-byte line went into the L2 block 0x2000");
    assertEquals(0, below.writeMisses(), "that block was there");
    assertEquals(1, caches.memoryReads());
    assertEquals(0, caches.memoryWrites());
  }

  static LongStream seeds() {
    return LongStream.range(0, 80);
  }

  /**
   * An inclusive last level with larger lines still holds the block around every line above,
   * because replacing a block invalidates every line of it above.
   */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void inclusiveLargerLinesHoldEveryUpperLine(long seed) {
    String policy = POLICY_NAMES[(int) (seed % POLICY_NAMES.length)];
    int ratio = 1 << (seed % 3);
    CacheHierarchy caches = hierarchy(32, 32 * ratio, policy, Inclusion.INCLUSIVE);
    long[] addresses = RandomTraces.addresses(seed, 3000, 1 << 14);
    boolean[] writes = RandomTraces.writes(seed, addresses.length);
    for (int i = 0; i < addresses.length; i++) {
      caches.access(addresses[i], writes[i]);
    }
    Cache l1 = caches.levels().get(0);
    Cache l2 = caches.levels().get(1);
    for (int set = 0; set < l1.sets(); set++) {
      for (int way = 0; way < l1.ways(); way++) {
        if (l1.isValid(set, way)) {
          long block = l1.blockAt(set, way) / ratio;
          assertTrue(l2.find(l2.setOf(block), block) >= 0, "seed " + seed + " " + policy
              + ", lines x" + ratio + ": L1 line " + Long.toHexString(l1.blockAt(set, way))
              + " has no enclosing block in the inclusive L2");
        }
      }
    }
    assertEquals(0, l2.stats().writeMisses(), "seed " + seed + ": L1 writebacks always hit");
  }

  @Test
  void smallerLinesBelowAndExclusiveMixedLinesAreRefused() {
    IllegalArgumentException smaller = assertThrows(IllegalArgumentException.class,
        () -> hierarchy(128, 64, "lru", Inclusion.NON_INCLUSIVE));
    assertTrue(smaller.getMessage().contains("L2 has 64-byte lines under L1's 128"),
        smaller.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> hierarchy(64, 128, "lru", Inclusion.EXCLUSIVE));
  }
}
