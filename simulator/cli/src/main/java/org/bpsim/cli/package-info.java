/**
 * The {@code bpsim} command line: picocli commands, one per subcommand of
 * {@link org.bpsim.cli.BpsimCommand} ({@code run}, {@code compare}, {@code report},
 * {@code simulate}, {@code cache}, {@code sweep}, {@code record}, {@code convert}, {@code info},
 * {@code predictors}, {@code configs}, {@code diff-mispredictions}), their shared options (traces,
 * plugins, predictor timeout) and the exit codes ({@link org.bpsim.cli.ExitCodes});
 * {@link org.bpsim.cli.Main} is the launcher. A command parses its options, calls a job and picks a
 * renderer.
 *
 * <p>May use: the jobs ({@code org.bpsim.sweep}), the renderers ({@code org.bpsim.report},
 * {@code org.bpsim.cache.report}), the traces and the recorder, the predictor registry and SPI,
 * {@code org.bpsim.error}, {@code org.bpsim.output}, picocli and Jackson; of the engines, only
 * their records and enums. Today several commands still drive the engines themselves (the
 * dependency test lists them).
 */
package org.bpsim.cli;
