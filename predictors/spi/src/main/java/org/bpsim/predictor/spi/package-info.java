/**
 * The predictor SPI, the only artifact a plugin needs: what a predictor is
 * ({@link org.bpsim.predictor.spi.BranchPredictor}; driven at pipeline points,
 * {@link org.bpsim.predictor.spi.StagedBranchPredictor} and
 * {@link org.bpsim.predictor.spi.PipelineHookedPredictor} with its
 * {@link org.bpsim.predictor.spi.MicroOp}), how a family is found and built from a spec string
 * ({@link org.bpsim.predictor.spi.PredictorProvider}, {@link org.bpsim.predictor.spi.Parameter},
 * {@link org.bpsim.predictor.spi.PredictorConfig}, {@link org.bpsim.predictor.spi.PredictorSpec},
 * {@link org.bpsim.predictor.spi.SpecException}), and the branch vocabulary that every trace format
 * and predictor shares ({@link org.bpsim.predictor.spi.BranchKind}). Plugins built against it must
 * keep loading: its public types keep their names and signatures.
 *
 * <p>May use: the JDK only (a plugin's class loader shows it the JDK and this package, nothing else
 * of bpsim).
 */
package org.bpsim.predictor.spi;
