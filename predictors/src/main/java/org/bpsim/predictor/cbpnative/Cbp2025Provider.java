package org.bpsim.predictor.cbpnative;

import java.io.IOException;
import java.nio.file.Path;

/**
 * {@code cbp2025:dir=PATH}: a CBP-2025 submission ({@code cond_branch_predictor_interface.cc}
 * and what it includes; bpsim supplies {@code lib/sim_common_structs.h}), staged in
 * {@code simulate --machine cbp2025}, predict-then-update in {@code run}.
 */
public final class Cbp2025Provider extends NativeProvider {
  public Cbp2025Provider() {
    super(NativeInterface.CBP2025);
  }

  @Override
  public String description() {
    return "a CBP-2025 submission (cond_branch_predictor_interface.cc and its headers) compiled "
        + "with the system's C++ compiler, run in a child process; staged in the cbp2025 machine";
  }

  @Override
  NativePredictor start(Path program, String what, long storageBits) throws IOException {
    return new StagedNativePredictor(program, what, storageBits);
  }
}
