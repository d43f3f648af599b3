package org.bpsim.cache;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.LongStream;
import org.bpsim.cache.replacement.ReplacementPolicies;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * LRU is a stack algorithm (Mattson et al., 1970): with the same number of sets, the lines of a
 * w-way set are always a subset of those of a (w+1)-way set, so adding ways never adds a miss.
 */
final class LruStackPropertyTest {
  private static final ReplacementPolicies POLICIES = ReplacementPolicies.builtIn();

  static LongStream seeds() {
    return LongStream.range(0, 300);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void addingWaysNeverAddsMisses(long seed) {
    int sets = 1 << (int) (seed % 5);
    int line = 16;
    long[] addresses = RandomTraces.addresses(seed, 3000, 1 << 14);
    boolean[] writes = RandomTraces.writes(seed, addresses.length);
    long previous = Long.MAX_VALUE;
    for (int ways = 1; ways <= 12; ways++) {
      long misses = misses(sets, ways, line, addresses, writes);
      assertTrue(misses <= previous, "seed " + seed + ": " + sets + " sets, " + ways
          + " ways miss " + misses + " times, " + (ways - 1) + " ways " + previous);
      previous = misses;
    }
  }

  private static long misses(int sets, int ways, int line, long[] addresses, boolean[] writes) {
    CacheConfig level = new CacheConfig("L1", (long) sets * ways * line, ways, line, 1, "lru");
    CacheHierarchy hierarchy = new CacheRun(
        new HierarchyConfig(List.of(level), Inclusion.NON_INCLUSIVE), POLICIES).build();
    for (int i = 0; i < addresses.length; i++) {
      hierarchy.access(addresses[i], writes[i]);
    }
    return hierarchy.stats().get(0).misses();
  }
}
