/**
 * ChampSim's own branch predictors (github ChampSim/ChampSim, {@code branch/*} at commit
 * 2ff25011), restated in Java with ChampSim's table sizes, hashes, thresholds and training, so
 * that bpsim's numbers can be held to ChampSim's branch for branch: {@code champsim-bimodal},
 * {@code champsim-gshare}, {@code champsim-perceptron}, {@code champsim-hashed-perceptron}.
 *
 * <p>ChampSim calls {@code predict_branch} for every instruction and {@code last_branch_result}
 * for every branch of any kind, right after its prediction; these predictors ask for that call
 * pattern ({@link org.bpsim.predictor.spi.BranchPredictor#predictsEveryInstruction()}). Where a
 * driver calls {@code predict} for conditional branches only (replays of branch traces), {@code
 * update} makes the missing prediction of an unconditional branch itself, so only what
 * ChampSim's perceptron learns from non-branch instructions is missing there.
 *
 * <p>May use: the SPI ({@code org.bpsim.predictor.spi}) and the JDK only; nothing here allocates
 * per branch.
 */
package org.bpsim.predictor.champsim;
