package org.bpsim.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.LongStream;
import org.bpsim.cache.replacement.ReplacementPolicies;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

final class CacheHierarchyTest {
  private static final ReplacementPolicies POLICIES = ReplacementPolicies.builtIn();
  private static final String[] POLICY_NAMES =
      {"lru", "fifo", "random:seed=7", "srrip", "brrip", "drrip"};

  static LongStream seeds() {
    return LongStream.range(0, 120);
  }

  private static CacheHierarchy twoLevel(String policy, Inclusion inclusion) {
    return new CacheRun(HierarchyConfig.course(16, 512, 2, 2048, 4, policy, inclusion), POLICIES)
        .build();
  }

  private static void replay(CacheHierarchy hierarchy, long seed) {
    long[] addresses = RandomTraces.addresses(seed, 4000, 1 << 13);
    boolean[] writes = RandomTraces.writes(seed, addresses.length);
    for (int i = 0; i < addresses.length; i++) {
      hierarchy.access(addresses[i], writes[i]);
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void inclusiveLastLevelHoldsEveryUpperLine(long seed) {
    String policy = POLICY_NAMES[(int) (seed % POLICY_NAMES.length)];
    CacheHierarchy hierarchy = twoLevel(policy, Inclusion.INCLUSIVE);
    replay(hierarchy, seed);
    Cache l1 = hierarchy.levels().get(0);
    Cache l2 = hierarchy.levels().get(1);
    forEachLine(l1, block -> assertTrue(l2.find(l2.setOf(block), block) >= 0,
        "seed " + seed + " " + policy + ": block " + Long.toHexString(block)
            + " is in L1 but not in the inclusive L2"));
    assertEquals(0, l2.stats().writeMisses(), "seed " + seed + ": L1 writebacks always hit");
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void exclusiveLastLevelSharesNoLineWithTheLevelAbove(long seed) {
    String policy = POLICY_NAMES[(int) (seed % POLICY_NAMES.length)];
    CacheHierarchy hierarchy = twoLevel(policy, Inclusion.EXCLUSIVE);
    replay(hierarchy, seed);
    Cache l1 = hierarchy.levels().get(0);
    Cache l2 = hierarchy.levels().get(1);
    forEachLine(l1, block -> assertTrue(l2.find(l2.setOf(block), block) < 0,
        "seed " + seed + " " + policy + ": block " + Long.toHexString(block)
            + " is in both L1 and the exclusive L2"));
    CacheStats s1 = l1.stats();
    CacheStats s2 = l2.stats();
    assertEquals(s1.misses(), s2.reads(), "seed " + seed + ": every L1 miss looks in L2");
    assertEquals(s2.readMisses(), hierarchy.memoryReads(), "seed " + seed);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void nonInclusiveTrafficIsConserved(long seed) {
    String policy = POLICY_NAMES[(int) (seed % POLICY_NAMES.length)];
    CacheHierarchy hierarchy = twoLevel(policy, Inclusion.NON_INCLUSIVE);
    replay(hierarchy, seed);
    CacheStats s1 = hierarchy.stats().get(0);
    CacheStats s2 = hierarchy.stats().get(1);
    String where = "seed " + seed + " " + policy;
    assertEquals(s1.misses(), s2.reads(), where + ": every L1 miss reads L2");
    assertEquals(s1.writebacks(), s2.writes(), where + ": every L1 writeback writes L2");
    assertEquals(s2.misses(), hierarchy.memoryReads(), where);
    assertEquals(s2.writebacks(), hierarchy.memoryWrites(), where);
  }

  @Test
  void aWriteHitMakesTheLineDirtyAndItsEvictionWritesBack() {
    CacheConfig l1 = new CacheConfig("L1", 32, 2, 16, 1, "lru");
    CacheHierarchy hierarchy = new CacheRun(
        new HierarchyConfig(List.of(l1), Inclusion.NON_INCLUSIVE), POLICIES).build();
    hierarchy.access(0x00, false);
    hierarchy.access(0x04, true);   // same line: a write hit
    hierarchy.access(0x10, false);
    hierarchy.access(0x20, false);  // evicts line 0 (least recently used), which is dirty
    CacheStats stats = hierarchy.stats().get(0);
    assertEquals(3, stats.reads());
    assertEquals(1, stats.writes());
    assertEquals(3, stats.readMisses());
    assertEquals(0, stats.writeMisses());
    assertEquals(1, stats.writebacks());
    assertEquals(4, hierarchy.memoryTraffic());
  }

  @Test
  void fifoIgnoresHitsWhereLruDoesNot() {
    for (String policy : new String[] {"lru", "fifo"}) {
      CacheConfig l1 = new CacheConfig("L1", 32, 2, 16, 1, policy);
      CacheHierarchy hierarchy = new CacheRun(
          new HierarchyConfig(List.of(l1), Inclusion.NON_INCLUSIVE), POLICIES).build();
      hierarchy.access(0x00, false);
      hierarchy.access(0x10, false);
      hierarchy.access(0x00, false);  // hit: LRU now evicts 0x10, FIFO still 0x00
      hierarchy.access(0x20, false);
      Cache cache = hierarchy.levels().get(0);
      boolean kept0 = cache.find(0, 0x0) >= 0;
      assertEquals(policy.equals("lru"), kept0, policy);
      assertFalse(cache.find(0, 0x1) >= 0 && cache.find(0, 0x0) >= 0, policy);
    }
  }

  private static void forEachLine(Cache cache, java.util.function.LongConsumer action) {
    for (int set = 0; set < cache.sets(); set++) {
      for (int way = 0; way < cache.ways(); way++) {
        if (cache.isValid(set, way)) {
          action.accept(cache.blockAt(set, way));
        }
      }
    }
  }
}
