/**
 * McFarling's gshare ({@code gshare}): the bimodal counter table indexed by the address XOR the
 * global history ({@link org.bpsim.predictor.gshare.GsharePredictor},
 * {@link org.bpsim.predictor.gshare.GshareProvider}).
 *
 * <p>May use: the predictor SPI and the JDK; the counter table of
 * {@code org.bpsim.predictor.bimodal}.
 */
package org.bpsim.predictor.gshare;
