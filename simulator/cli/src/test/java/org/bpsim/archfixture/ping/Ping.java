package org.bpsim.archfixture.ping;

import org.bpsim.archfixture.pong.Pong;

/**
 * With {@link Pong}, a cycle between two packages, on purpose; the packages are in no layer
 * either. Only {@link org.bpsim.architecture.ArchitectureRulesBiteTest} imports them.
 */
public final class Ping {
  private Ping() {}

  public static int depth(int n) {
    return n == 0 ? 0 : 1 + Pong.depth(n - 1);
  }
}
