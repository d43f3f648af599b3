/**
 * TAGE-SC-L ({@code tage-sc-l}), the CBP-2016 winner: TAGE, the loop predictor and the statistical
 * corrector ({@link org.bpsim.predictor.tagescl.TageScLPredictor},
 * {@link org.bpsim.predictor.tagescl.StatisticalCorrector}, its GEHL components
 * {@link org.bpsim.predictor.tagescl.ScComponent} and sizes
 * {@link org.bpsim.predictor.tagescl.ScConfig}), and the same code driven in stages as the CBP-2025
 * kit drives it ({@link org.bpsim.predictor.tagescl.StagedTageScLPredictor},
 * {@link org.bpsim.predictor.tagescl.KitTageScL}).
 *
 * <p>May use: the predictor SPI and the JDK; TAGE ({@code org.bpsim.predictor.tage}) and the loop
 * predictor ({@code org.bpsim.predictor.ltage}).
 */
package org.bpsim.predictor.tagescl;
