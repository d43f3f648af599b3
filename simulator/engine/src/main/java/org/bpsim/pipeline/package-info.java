/**
 * The timing model: a trace-driven dataflow core, the kind the CBP-2025 kit uses
 * ({@link org.bpsim.pipeline.Core}, with its instruction window, lanes, store forwarding, physical
 * registers, scheduler window, BTB and return stack); several cores on a shared or split last-level
 * cache and one main memory ({@link org.bpsim.pipeline.Simulation},
 * {@link org.bpsim.pipeline.LlcMode}, {@link org.bpsim.pipeline.MainMemory}); the kit's own caches,
 * store queue and prefetcher for the {@code cbp2025} machine ({@code Kit*}); and the drivers that
 * call a staged or hooked predictor where the kit does
 * ({@link org.bpsim.pipeline.StagedPredictorDriver}, {@link org.bpsim.pipeline.KitHookDriver}). Its
 * results are records ({@link org.bpsim.pipeline.SimulationResult},
 * {@link org.bpsim.pipeline.CoreResult}, {@link org.bpsim.pipeline.LevelResult}); a failed
 * predictor is a {@link org.bpsim.pipeline.PredictorFailure}.
 *
 * <p>May use: the instruction streams ({@code org.bpsim.trace}), the predictor SPI, the machine
 * ({@code org.bpsim.machine}), the cache model and its policies, the replay's predictor guard and
 * lane ({@code org.bpsim.replay}), {@code org.bpsim.error} and the JDK; never a renderer or the
 * command line.
 */
package org.bpsim.pipeline;
