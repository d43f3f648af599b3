/**
 * Championship C++ predictors, unchanged, as bpsim predictors: {@code cbp2016:dir=PATH} (a
 * CBP-2016 submission's {@code predictor.h} and {@code predictor.cc}) and {@code cbp2025:dir=PATH}
 * (a CBP-2025 submission's {@code cond_branch_predictor_interface.cc} and what it includes).
 *
 * <p>bpsim compiles the submission with the system's C++ compiler against headers of its own
 * (resources beside these classes: the kits' types and constants, and a driver) and caches the
 * program ({@link NativeBuild}); each predictor then runs in a child process of its own
 * ({@link NativePredictor}), so that a crash fails only its rows. Branches cross a pipe in
 * batches ({@link BatchPredictor}); the child's replies are read by {@link ReplyReader}.
 *
 * <p>May use: the JDK and the predictor SPI only.
 */
package org.bpsim.predictor.cbpnative;
