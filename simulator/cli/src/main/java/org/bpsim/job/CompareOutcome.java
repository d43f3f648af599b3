package org.bpsim.job;

import org.bpsim.report.Comparison;

/**
 * A comparison, and whether the baseline failed in the timing model's multi-core run after
 * passing the replay (its rows then say nothing of it; the exit code must).
 */
public record CompareOutcome(Comparison comparison, boolean multiCoreFailed) {
}
