package org.bpsim.predictor.tagescl;

import java.util.List;

/**
 * The statistical corrector of TAGE-SC-L (Seznec, CBP-2016) at one budget: three bias tables
 * indexed with TAGE's confidence, and GEHL components on global, path, local and IMLI histories.
 *
 * @param logBias log2 of the entries of each bias table
 * @param biasBankWithAddress whether the bias table indexed by provider bank also uses the address
 * @param components the GEHL components
 * @param localHistories entries of the first local history table (0 = none)
 * @param secondLocalHistories entries of the second local history table
 * @param thirdLocalHistories entries of the third local history table
 * @param weightStep how much each confident component weight raises the update threshold (the
 *     8 KB code means to add 6 per weight but its statement ends before that term: 0 there)
 * @param globalThresholdCounted whether the storage count includes the 12-bit global update
 *     threshold: the 8 KB code's predictorsize() counts it, the 64 KB one's overwrites it
 */
public record ScConfig(int logBias, boolean biasBankWithAddress, List<ScComponent> components,
    int localHistories, int secondLocalHistories, int thirdLocalHistories, int weightStep,
    boolean globalThresholdCounted) {

  public ScConfig {
    components = List.copyOf(components);
  }

  /** The 64 KB TAGE-SC-L corrector. */
  public static final ScConfig BUDGET_64KB = new ScConfig(8, true, List.of(
      new ScComponent(ScHistory.BACKWARD, new int[] {40, 24, 10}, 10, true, true),
      new ScComponent(ScHistory.PATH, new int[] {25, 16, 9}, 9, false, true),
      new ScComponent(ScHistory.LOCAL, new int[] {11, 6, 3}, 10, false, true),
      new ScComponent(ScHistory.SECOND_LOCAL, new int[] {16, 11, 6}, 9, false, true),
      new ScComponent(ScHistory.THIRD_LOCAL, new int[] {9, 4}, 10, false, true),
      new ScComponent(ScHistory.IMLI_OUTCOMES, new int[] {10, 4}, 9, false, true),
      new ScComponent(ScHistory.IMLI_COUNT, new int[] {8}, 8, false, true)),
      256, 16, 16, 12, false);

  /** The 8 KB TAGE-SC-L corrector. */
  public static final ScConfig BUDGET_8KB = new ScConfig(7, false, List.of(
      new ScComponent(ScHistory.GLOBAL, new int[] {6, 3}, 7, false, false),
      new ScComponent(ScHistory.BACKWARD, new int[] {16, 8}, 7, false, false),
      new ScComponent(ScHistory.LOCAL, new int[] {6, 3}, 7, false, false),
      new ScComponent(ScHistory.IMLI_COUNT, new int[] {8}, 7, false, false)),
      64, 0, 0, 0, true);
}
