/**
 * The Alpha 21264 tournament predictor ({@code tournament}): a local and a global predictor and a
 * chooser between them ({@link org.bpsim.predictor.tournament.TournamentPredictor},
 * {@link org.bpsim.predictor.tournament.TournamentProvider}).
 *
 * <p>May use: the predictor SPI and the JDK; the counter table of
 * {@code org.bpsim.predictor.bimodal}.
 */
package org.bpsim.predictor.tournament;
