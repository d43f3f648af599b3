/**
 * Replaying traces through predictors, CBP-2016 semantics: one pass that decodes each batch once
 * and feeds it to every predictor ({@link org.bpsim.replay.Replay}), or the same with the
 * predictors spread over worker threads fed from that one decoding
 * ({@link org.bpsim.replay.SplitReplay}); the guard that keeps a faulty predictor's failure its own
 * ({@link org.bpsim.replay.PredictorGuard}, {@link org.bpsim.replay.PredictorLane}, and
 * {@link org.bpsim.replay.PluginFault}, the one place that words a predictor's failure for the
 * replay and the timing model alike); misprediction lists and per-branch statistics; traces in parallel ({@link org.bpsim.replay.InParallel}).
 *
 * <p>Its results are the records {@link org.bpsim.replay.RunResult} (one row: trace ×
 * predictor), {@link org.bpsim.replay.HardBranch} and
 * {@link org.bpsim.replay.TraceHardestBranches}, which the renderers of {@code org.bpsim.report}
 * turn into tables, files and pages.
 *
 * <p>May use: the trace readers ({@code org.bpsim.trace}), the predictor SPI and registry, the
 * native predictors' batch interface ({@code org.bpsim.predictor.cbpnative}, to feed a child
 * process whole batches), {@code org.bpsim.output}'s temporary files and {@code org.bpsim.error};
 * never the renderers, the jobs or the command line.
 */
package org.bpsim.replay;
