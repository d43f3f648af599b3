package org.bpsim.archfixture.pong;

import org.bpsim.archfixture.ping.Ping;

/** The other half of {@link Ping}'s cycle. */
public final class Pong {
  private Pong() {}

  public static int depth(int n) {
    return n == 0 ? 0 : 1 + Ping.depth(n - 1);
  }
}
