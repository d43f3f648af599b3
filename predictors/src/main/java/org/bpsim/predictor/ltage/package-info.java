/**
 * L-TAGE ({@code ltage}): TAGE plus a loop predictor that overrides it on the loop exits it has
 * learnt ({@link org.bpsim.predictor.ltage.LTagePredictor},
 * {@link org.bpsim.predictor.ltage.LoopPredictor}, {@link org.bpsim.predictor.ltage.LoopChooser},
 * {@link org.bpsim.predictor.ltage.LTageProvider}).
 *
 * <p>May use: the predictor SPI and the JDK; the TAGE engine of {@code org.bpsim.predictor.tage}.
 */
package org.bpsim.predictor.ltage;
