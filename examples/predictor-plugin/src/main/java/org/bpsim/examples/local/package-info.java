/**
 * An example plugin, built as a project of its own: a local-history predictor
 * ({@link org.bpsim.examples.local.LocalHistoryPredictor}) and the provider that names it
 * ({@link org.bpsim.examples.local.LocalHistoryProvider}), listed in
 * {@code META-INF/services/org.bpsim.predictor.spi.PredictorProvider}.
 *
 * <p>May use: the predictor SPI and the JDK only, as every plugin.
 */
package org.bpsim.examples.local;
