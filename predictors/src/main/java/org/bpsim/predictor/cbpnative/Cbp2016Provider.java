package org.bpsim.predictor.cbpnative;

import java.io.IOException;
import java.nio.file.Path;

/**
 * {@code cbp2016:dir=PATH}: a CBP-2016 submission ({@code predictor.h}, and {@code predictor.cc}
 * when present) driven as the CBP-2016 kit's {@code main.cc} drives it.
 */
public final class Cbp2016Provider extends NativeProvider {
  public Cbp2016Provider() {
    super(NativeInterface.CBP2016);
  }

  @Override
  public String description() {
    return "a CBP-2016 submission (predictor.h [+ predictor.cc]) compiled with the system's C++ "
        + "compiler, run in a child process";
  }

  @Override
  NativePredictor start(Path program, String what, long storageBits) throws IOException {
    return new NativePredictor(program, what, storageBits);
  }
}
