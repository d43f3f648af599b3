/**
 * The hashed perceptron ({@code hashed-perceptron}): one weight per table, each table indexed by a
 * hash of the address and a different length of global history
 * ({@link org.bpsim.predictor.hashedperceptron.HashedPerceptronPredictor},
 * {@link org.bpsim.predictor.hashedperceptron.HashedPerceptronProvider}), with its geometric
 * history lengths and O(1) folded histories
 * ({@link org.bpsim.predictor.hashedperceptron.GeometricHistoryLengths},
 * {@link org.bpsim.predictor.hashedperceptron.FoldedHistory}).
 *
 * <p>May use: the predictor SPI and the JDK.
 */
package org.bpsim.predictor.hashedperceptron;
