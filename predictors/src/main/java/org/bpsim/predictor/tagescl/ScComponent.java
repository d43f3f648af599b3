package org.bpsim.predictor.tagescl;

/**
 * One GEHL component of the statistical corrector: {@code lengths.length} tables of signed
 * counters, each indexed by the address and a different length of the same history. In the 64 KB
 * design the two tables with the shortest histories have half the entries.
 *
 * @param history the history it reads
 * @param lengths history length per table, longest first
 * @param logEntries log2 of the entries of the full-size tables
 * @param withTagePrediction whether the index also holds the prediction being corrected
 * @param halveShortTables whether the two shortest-history tables have half the entries
 */
public record ScComponent(ScHistory history, int[] lengths, int logEntries,
    boolean withTagePrediction, boolean halveShortTables) {

  public ScComponent {
    lengths = lengths.clone();
  }

  public int tableEntries(int table) {
    boolean half = halveShortTables && table >= lengths.length - 2;
    return 1 << (logEntries - (half ? 1 : 0));
  }

  public int longest() {
    int max = 0;
    for (int length : lengths) {
      max = Math.max(max, length);
    }
    return max;
  }
}
