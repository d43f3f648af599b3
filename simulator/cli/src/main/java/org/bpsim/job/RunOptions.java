package org.bpsim.job;

import java.nio.file.Path;
import java.util.List;
import org.bpsim.predictor.registry.PredictorRegistry;
import org.bpsim.predictor.spi.PredictorConfig;
import org.bpsim.replay.PredictorGuard;
import org.bpsim.replay.ReplayOptions;
import org.bpsim.trace.TraceFormat;

/**
 * What {@code bpsim run} replays.
 *
 * @param traces the trace files, already checked
 * @param format the format forced on every trace, or null to detect each
 * @param jobs the cores to use, or null for all
 * @param mispredictions the folder of misprediction lists to write, or null for none
 */
public record RunOptions(List<Path> traces, TraceFormat format, PredictorRegistry registry,
    List<PredictorConfig> predictors, ReplayOptions window, Integer jobs, PredictorGuard guard,
    Path mispredictions) {
}
