package org.bpsim.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.LongStream;
import org.bpsim.cache.replacement.ReplacementPolicies;
import org.bpsim.cache.replacement.ReplacementPolicyProvider;
import org.bpsim.spec.InvalidSpecException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

final class ReplacementPoliciesTest {
  private static final ReplacementPolicies POLICIES = ReplacementPolicies.builtIn();

  @TempDir
  Path folder;

  @Test
  void everyBuiltInPolicyIsFoundByServiceLoader() {
    List<String> names = POLICIES.providers().stream().map(ReplacementPolicyProvider::name)
        .toList();
    assertEquals(List.of("brrip", "drrip", "fifo", "lru", "optimal", "random", "srrip"), names);
  }

  @Test
  void specsAreCheckedAgainstTheirPolicy() {
    assertEquals("random:seed=9", POLICIES.resolve("Random:seed=9").canonical());
    assertEquals("srrip:bits=3", POLICIES.resolve("srrip:bits=3").canonical());
    assertTrue(assertThrows(InvalidSpecException.class, () -> POLICIES.resolve("plru"))
        .getMessage().contains("unknown replacement policy 'plru'"));
    assertTrue(assertThrows(InvalidSpecException.class, () -> POLICIES.resolve("lru:ways=2"))
        .getMessage().contains("takes no keys"));
    assertThrows(InvalidSpecException.class, () -> POLICIES.resolve("srrip:bits=0"));
  }

  /** Policies share the predictors' grammar, and their messages call them what they are. */
  @Test
  void badPolicySpecsAreNamedAsReplacementPolicies() {
    assertEquals("replacement policy 'srrip': bits=99 is out of range (valid: 1..7)",
        message("srrip:bits=99"));
    assertEquals("replacement policy 'random': seed=x is not a whole number (valid: 0.."
        + Long.MAX_VALUE + ")", message("random:seed=x"));
    assertEquals("replacement policy 'lru' has no key 'ways' (it takes no keys)",
        message("lru:ways=2"));
    assertEquals("replacement policy 'srrip' has no key 'seed' (valid keys: bits=1..7)",
        message("srrip:seed=1"));
    assertEquals("replacement policy spec 'srrip:bits=2,bits=3' sets bits twice",
        message("srrip:bits=2,bits=3"));
    assertEquals("replacement policy spec 'srrip:bits': 'bits' is not key=value",
        message("srrip:bits"));
    assertEquals("empty replacement policy spec (expected name:key=value,...)", message(" "));
    assertEquals("unknown replacement policy 'plru' (valid: brrip, drrip, fifo, lru, optimal, "
        + "random, srrip)", message("PLRU:bits=1"));
  }

  @Test
  void policySpecsFollowTheSharedGrammar() {
    assertEquals("drrip:bits=3,throttle=16,seed=1,psel_bits=10",
        POLICIES.resolve(" DRRIP : Throttle=16, bits=\"3\"").canonical());
    assertEquals("lru", POLICIES.resolve("lru").canonical());
  }

  private static String message(String spec) {
    return assertThrows(InvalidSpecException.class, () -> POLICIES.resolve(spec)).getMessage();
  }

  static LongStream seeds() {
    return LongStream.range(0, 60);
  }

  /** Belady's MIN is optimal: no other policy misses less on the same single-level cache. */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void optimalNeverMissesMoreThanAnyOtherPolicy(long seed) throws IOException {
    long[] addresses = RandomTraces.addresses(seed, 2000, 1 << 12);
    boolean[] writes = RandomTraces.writes(seed, addresses.length);
    Path trace = RandomTraces.write(folder, addresses, writes);
    int ways = 1 + (int) (seed % 8);
    long optimal = misses(trace, "optimal", ways);
    for (String other : new String[] {"lru", "fifo", "random:seed=3", "srrip", "brrip",
        "drrip"}) {
      long misses = misses(trace, other, ways);
      assertTrue(optimal <= misses, "seed " + seed + ": optimal missed " + optimal + ", "
          + other + " " + misses);
    }
  }

  @Test
  void seededRandomReplacementRepeatsExactly() throws IOException {
    long[] addresses = RandomTraces.addresses(42, 3000, 1 << 12);
    Path trace = RandomTraces.write(folder, addresses, RandomTraces.writes(42, 3000));
    assertEquals(misses(trace, "random:seed=5", 4), misses(trace, "random:seed=5", 4));
    assertEquals(misses(trace, "brrip:seed=5", 4), misses(trace, "brrip:seed=5", 4));
  }

  @Test
  void srripKeepsAReusedLineThroughAScanThatFlushesLru() {
    // One set of 4 ways: a hot line reused between scans of never-reused lines.
    long lru = 0;
    long srrip = 0;
    for (String policy : new String[] {"lru", "srrip"}) {
      CacheConfig level = new CacheConfig("L1", 4 * 16, 4, 16, 1, policy);
      CacheHierarchy hierarchy = new CacheRun(
          new HierarchyConfig(List.of(level), Inclusion.NON_INCLUSIVE), POLICIES).build();
      long scan = 0x1000;
      for (int round = 0; round < 100; round++) {
        hierarchy.access(0, false);
        hierarchy.access(0, false);
        for (int i = 0; i < 4; i++) {
          hierarchy.access(scan, false);
          scan += 16;
        }
      }
      long misses = hierarchy.stats().get(0).misses();
      if (policy.equals("lru")) {
        lru = misses;
      } else {
        srrip = misses;
      }
    }
    assertEquals(100 + 400, lru);
    assertEquals(1 + 400, srrip);
  }

  private static long misses(Path trace, String policy, int ways) throws IOException {
    CacheConfig level = new CacheConfig("L1", 8L * ways * 16, ways, 16, 1, policy);
    CacheHierarchy hierarchy = new CacheRun(
        new HierarchyConfig(List.of(level), Inclusion.NON_INCLUSIVE), POLICIES).run(trace);
    return hierarchy.stats().get(0).misses();
  }
}
