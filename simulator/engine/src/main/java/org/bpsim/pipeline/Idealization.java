package org.bpsim.pipeline;

/**
 * What a limit study takes away from the machine: a perfect branch predictor (every direction and
 * target right, so no branch ever stalls the front end) and perfect caches (every fetch and data
 * access hits at no cost). With both, a trace without dependences runs at exactly the dispatch
 * width: the model's upper bound.
 */
public record Idealization(boolean perfectBranches, boolean perfectCaches) {
  public static final Idealization NONE = new Idealization(false, false);
}
