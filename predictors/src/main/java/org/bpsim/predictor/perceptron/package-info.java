/**
 * Jiménez and Lin's perceptron predictor ({@code perceptron}): a table of weight vectors indexed by
 * address, whose dot product with the global history predicts
 * ({@link org.bpsim.predictor.perceptron.PerceptronPredictor},
 * {@link org.bpsim.predictor.perceptron.PerceptronProvider}).
 *
 * <p>May use: the predictor SPI and the JDK.
 */
package org.bpsim.predictor.perceptron;
