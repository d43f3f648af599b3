package org.bpsim.report.archfixture;

import java.util.List;
import org.bpsim.sweep.SweepSpec;

/**
 * Breaks "renderers use no job or command" on purpose: a renderer that reads a sweep's spec
 * instead of the result model it is given. Only
 * {@link org.bpsim.architecture.ArchitectureRulesBiteTest} imports it.
 */
final class RendererReadingASweepSpec {
  private RendererReadingASweepSpec() {}

  static List<String> tracesOf(SweepSpec spec) {
    return spec.traces();
  }
}
