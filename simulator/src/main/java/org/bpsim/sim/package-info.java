/**
 * Replaying traces through predictors, CBP-2016 semantics: one pass that decodes each batch once
 * and feeds it to every predictor ({@link org.bpsim.sim.Replay}), or the same with the
 * predictors spread over worker threads fed from that one decoding
 * ({@link org.bpsim.sim.SplitReplay}); the guard that keeps a faulty predictor's failure its own
 * ({@link org.bpsim.sim.PredictorGuard}, {@link org.bpsim.sim.PredictorLane}, and
 * {@link org.bpsim.sim.PluginFault}, the one place that words a predictor's failure for the
 * replay and the timing model alike); misprediction
 * lists and per-branch statistics; traces in parallel ({@link org.bpsim.sim.InParallel}).
 *
 * <p>Uses the trace readers ({@code org.bpsim.trace}), the predictor SPI and registry, the
 * report's values ({@code org.bpsim.report}) and {@code org.bpsim.output}'s temporary files;
 * nothing here knows the command line.
 */
package org.bpsim.sim;
