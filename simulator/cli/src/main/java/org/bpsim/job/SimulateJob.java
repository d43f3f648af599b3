package org.bpsim.job;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.bpsim.pipeline.CoreResult;
import org.bpsim.pipeline.PredictorFailure;
import org.bpsim.pipeline.Simulation;
import org.bpsim.pipeline.SimulationResult;
import org.bpsim.replay.InParallel;

/** {@code bpsim simulate}: the timing model, one trace per core, once per LLC mode. */
public final class SimulateJob {
  private final SimulateOptions options;
  private final Simulation simulation;

  /** Refuses at once, with one line, a machine the timing model cannot build. */
  public SimulateJob(SimulateOptions options) {
    this.options = options;
    simulation = new Simulation(options.machine(),
        () -> options.registry().create(options.predictor()), options.separateAddressSpaces(),
        options.warmup(), options.max(), options.idealization()).guardedBy(options.guard());
  }

  /**
   * One result per LLC mode, in the order given. A warmup that covers a whole trace counts
   * nothing there: the run goes on, its rates are NaN, and {@code listener} hears it once per
   * trace.
   *
   * @throws PredictorFailure when the predictor fails (then nothing is returned)
   */
  public List<SimulationResult> run(List<Path> traces, JobListener listener)
      throws IOException, InterruptedException {
    List<SimulationResult> results = InParallel.map(options.llcModes(), options.jobs(),
        mode -> simulation.runWithBaselines(traces, mode, options.predictor().label()));
    Set<String> warned = new LinkedHashSet<>();
    for (SimulationResult result : results) {
      for (CoreResult core : result.cores()) {
        if (core.instructions() == 0 && warned.add(core.trace())) {
          listener.warn(core.trace() + ": the warmup of " + options.warmup()
              + " instructions covers the whole trace, so nothing is counted; IPC and MPKI are "
              + "n/a");
        }
      }
    }
    return results;
  }
}
