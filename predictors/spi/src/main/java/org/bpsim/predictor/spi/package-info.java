/**
 * The predictor SPI: what a branch predictor plugin implements ({@link
 * org.bpsim.predictor.spi.PredictorProvider}, {@link org.bpsim.predictor.spi.BranchPredictor},
 * the staged and pipeline-hooked variants) and what it is handed ({@link
 * org.bpsim.predictor.spi.Parameter} declarations, a checked {@link
 * org.bpsim.predictor.spi.PredictorConfig}, {@link org.bpsim.predictor.spi.BranchKind}, {@link
 * org.bpsim.predictor.spi.MicroOp}). A plugin's class loader sees this package and the JDK only.
 *
 * <p>Parsing and checking specs is bpsim's side, in {@code org.bpsim.spec}; this package uses it
 * only for the deprecated members SPI 1 published ({@link org.bpsim.predictor.spi.PredictorSpec},
 * {@link org.bpsim.predictor.spi.Parameter#validate}), which delegate there, and for the quoting
 * of {@link org.bpsim.predictor.spi.PredictorConfig#canonicalSpec()}. It depends on nothing else.
 * Plugins built against it must keep loading: its public types keep their names and signatures.
 *
 * <p>May use: the JDK and {@code org.bpsim.spec} (which uses only the JDK).
 */
package org.bpsim.predictor.spi;
