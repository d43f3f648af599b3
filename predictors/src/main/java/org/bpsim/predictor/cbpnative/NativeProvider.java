package org.bpsim.predictor.cbpnative;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.bpsim.predictor.spi.BranchPredictor;
import org.bpsim.predictor.spi.Parameter;
import org.bpsim.predictor.spi.PredictorConfig;
import org.bpsim.predictor.spi.PredictorProvider;
import org.bpsim.predictor.spi.SpecException;

/**
 * The keys every native kind takes, and how it is built: the submission is compiled (or found
 * in the cache) when its spec is checked, so a compile error is a bad spec (exit 2, with the
 * compiler's message) before anything runs; each predictor is then a fresh child process.
 */
abstract class NativeProvider implements PredictorProvider {
  private final NativeInterface kit;

  NativeProvider(NativeInterface kit) {
    this.kit = kit;
  }

  @Override
  public String name() {
    return kit.kind;
  }

  @Override
  public List<Parameter> parameters() {
    return List.of(
        Parameter.text("dir", "the submission's folder (required), shown as given"),
        Parameter.text("name", "the row label instead of the spec"),
        Parameter.derivedInteger("storage_bits", 0, 1L << 40,
            "the storage to report, in bits (the code cannot say it: unknown unless given)"),
        Parameter.text("cxxflags", "compiler flags, split at spaces (default "
            + NativeBuild.DEFAULT_FLAGS + "); quote a value with commas: cxxflags=\"-O2 -Wl,-z,now\""));
  }

  @Override
  public void validate(PredictorConfig config) {
    if (config.stringValue("dir").isBlank()) {
      throw new SpecException("predictor '" + kit.kind + "' needs dir=PATH, the folder of a "
          + kit.kind + " submission (" + kit.requiredFile + ")");
    }
    program(config);
  }

  private Path program(PredictorConfig config) {
    return NativeBuild.program(kit, config.stringValue("dir"), config.stringValue("cxxflags"));
  }

  @Override
  public BranchPredictor create(PredictorConfig config) {
    Path program = program(config);
    String what = kit.kind + " predictor in " + config.stringValue("dir");
    // 0 is the key's "not given": bpsim cannot read a storage from C++ code, so it is unknown.
    long given = config.longValue("storage_bits");
    long storage = given > 0 ? given : BranchPredictor.UNKNOWN_STORAGE;
    try {
      return start(program, what, storage);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the " + what + ": " + e.getMessage(), e);
    }
  }

  abstract NativePredictor start(Path program, String what, long storageBits) throws IOException;
}
