/**
 * Every rendering of results: the rows of {@code bpsim run} as a table, CSV or JSON
 * ({@link org.bpsim.report.ResultFormat}, over the shared {@link org.bpsim.report.Column}s), and
 * read back ({@link org.bpsim.report.ResultsJson}); the report folder of {@code bpsim compare} and
 * {@code bpsim report} ({@link org.bpsim.report.Comparison}, {@link org.bpsim.report.ReportFiles},
 * written by {@link org.bpsim.report.ReportFolder} without destroying what bpsim did not write):
 * the HTML page, the Markdown summary, the JFreeChart SVG charts, {@code branches.json} and
 * {@code pipeline.json}; the summary table ({@link org.bpsim.report.Summary}) and a sweep's
 * additions ({@link org.bpsim.report.SweepReport}).
 *
 * <p>May use: the engines' result models ({@code org.bpsim.replay}'s {@code RunResult},
 * {@code HardBranch}, {@code TraceHardestBranches}), {@code org.bpsim.output}, the JDK, Jackson and
 * JFreeChart/JFreeSVG; never a job or the command line.
 */
package org.bpsim.report;
