/**
 * The application layer: one job per command that does work ({@link org.bpsim.job.RunJob},
 * {@link org.bpsim.job.CompareJob}, {@link org.bpsim.job.SimulateJob},
 * {@link org.bpsim.job.CacheJob}, {@link org.bpsim.job.ReportJob}, {@link org.bpsim.job.InfoJob},
 * {@link org.bpsim.job.DiffJob}). A job takes an options record (or a few values) already parsed
 * and checked, runs the replay engine, the timing model or the cache model, and returns a result
 * model for a renderer of {@code org.bpsim.report}. {@link org.bpsim.job.MachineCatalog} resolves
 * every {@code --machine} value. Jobs never print: what a command shows while a job runs
 * (warnings, progress, status lines) reaches it through a {@link org.bpsim.job.JobListener}.
 *
 * <p>May use: the engines ({@code org.bpsim.replay}, {@code org.bpsim.pipeline},
 * {@code org.bpsim.machine}, {@code org.bpsim.cache}), the report model ({@code org.bpsim.report}),
 * traces, predictors and {@code org.bpsim.output}/{@code org.bpsim.error}; never picocli or
 * {@code org.bpsim.cli}, which call it.
 */
package org.bpsim.job;
