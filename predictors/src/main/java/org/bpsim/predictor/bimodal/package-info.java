/**
 * Smith's bimodal predictor ({@code bimodal}): one saturating counter per entry, indexed by the
 * branch address ({@link org.bpsim.predictor.bimodal.BimodalPredictor},
 * {@link org.bpsim.predictor.bimodal.BimodalProvider}). Its counter table
 * ({@link org.bpsim.predictor.bimodal.SaturatingCounters}) is shared with gshare and the tournament
 * predictor.
 *
 * <p>May use: the predictor SPI and the JDK.
 */
package org.bpsim.predictor.bimodal;
