/**
 * Design-space sweeps: a spec of traces and predictor grids ({@link org.bpsim.sweep.SweepSpec}),
 * expanded to tasks, one per (trace, configuration) ({@link org.bpsim.sweep.SweepPlan}), run
 * resumably into an output folder task by task ({@link org.bpsim.sweep.SweepEngine},
 * {@link org.bpsim.sweep.SweepFolder}), partitioned into shards for any scheduler
 * ({@link org.bpsim.sweep.Shards}) and submitted to Slurm as an array job
 * ({@link org.bpsim.sweep.SlurmSubmission}). Nothing here knows the command line.
 *
 * <p>May use: the replay engine ({@code org.bpsim.replay}), the renderers
 * ({@code org.bpsim.report}, for a sweep's results files and report), the traces, the predictor
 * registry and SPI, {@code org.bpsim.error}, {@code org.bpsim.output}, the JDK and Jackson; never
 * the command line.
 */
package org.bpsim.sweep;
