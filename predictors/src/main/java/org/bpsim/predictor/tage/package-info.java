/**
 * TAGE ({@code tage}) as in Seznec's CBP-2016 TAGE-SC-L submissions: the engine that the whole TAGE
 * family shares ({@link org.bpsim.predictor.tage.TageEngine}), its shape
 * ({@link org.bpsim.predictor.tage.TageConfig}, {@link org.bpsim.predictor.tage.Budget},
 * {@link org.bpsim.predictor.tage.TageOptions}), the global history and its folded views
 * ({@link org.bpsim.predictor.tage.GlobalHistory}), geometric history lengths, and the seeded
 * randomness that makes runs repeat ({@link org.bpsim.predictor.tage.SeededRandom});
 * {@link org.bpsim.predictor.tage.TagePredictor} is TAGE alone.
 *
 * <p>May use: the predictor SPI and the JDK.
 */
package org.bpsim.predictor.tage;
