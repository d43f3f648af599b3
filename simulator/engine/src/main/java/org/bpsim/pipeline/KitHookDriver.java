package org.bpsim.pipeline;

import org.bpsim.predictor.spi.MicroOp;
import org.bpsim.predictor.spi.PipelineHookedPredictor;

/**
 * Calls every hook of a {@link PipelineHookedPredictor} where the CBP-2025 kit's timing model
 * ({@code lib/uarchsim.cc}) calls it, given each micro-op's cycles as {@link Core#stepKit}
 * computes them.
 *
 * <p>The kit queues each micro-op at fetch in four lists: its decode ({@code DQ}, fetch cycle
 * plus {@code DQ_LATENCY}), its address generation for loads and stores ({@code AQ}), its
 * execution ({@code EQ}) and its retirement (the window, in program order). Before placing the
 * next micro-op it processes every cycle its fetch has moved through, up to and including the
 * new fetch cycle: per cycle {@code eval_decode}, {@code eval_aq}, {@code eval_exec}, {@code
 * eval_retire}, each list in fetch order. Here the decode and retire lists are runs of sequence
 * numbers (their cycles never decrease in fetch order), address generation and execution heaps
 * on (cycle, sequence number); the next cycle with an event is the least of the four heads, so
 * empty cycles cost nothing. Nothing is allocated per micro-op once the ring has grown to the
 * micro-ops in flight.
 */
final class KitHookDriver {
  /** The kit's {@code DQ_LATENCY} ({@code lib/parameters.cc}): decode two cycles after fetch. */
  static final int DQ_LATENCY = 2;

  private final PipelineHookedPredictor predictor;
  private final PendingResolves agen;
  private final PendingResolves exec;
  private long[] pc;
  private long[] decodeCycle;
  private long[] retireCycle;
  private int[] piece;
  private boolean[] predicted;
  private int mask;
  /** Micro-ops fetched so far: the next one's {@code seq_no}. */
  private long fetched;
  private long nextDecode;
  private long nextRetire;

  KitHookDriver(PipelineHookedPredictor predictor, int window) {
    this.predictor = predictor;
    int capacity = Integer.highestOneBit(Math.max(16, window) * 2 - 1) * 2;
    allocate(capacity);
    this.agen = new PendingResolves(window);
    this.exec = new PendingResolves(window);
  }

  private void allocate(int capacity) {
    pc = new long[capacity];
    decodeCycle = new long[capacity];
    retireCycle = new long[capacity];
    piece = new int[capacity];
    predicted = new boolean[capacity];
    mask = capacity - 1;
  }

  /** The {@code seq_no} the next micro-op gets. */
  long nextSeqNo() {
    return fetched;
  }

  /** Processes the events of every cycle up to and including {@code fetchCycle}. */
  void reachFetchCycle(long fetchCycle) {
    while (true) {
      long cycle = Long.MAX_VALUE;
      if (nextDecode < fetched) {
        cycle = decodeCycle[slot(nextDecode)];
      }
      if (agen.size() > 0) {
        cycle = Math.min(cycle, agen.headExecuteCycle());
      }
      if (exec.size() > 0) {
        cycle = Math.min(cycle, exec.headExecuteCycle());
      }
      if (nextRetire < fetched) {
        cycle = Math.min(cycle, retireCycle[slot(nextRetire)]);
      }
      if (cycle > fetchCycle) {
        return;
      }
      while (nextDecode < fetched && decodeCycle[slot(nextDecode)] == cycle) {
        int s = slot(nextDecode);
        predictor.notifyInstrDecode(nextDecode, piece[s], pc[s], cycle);
        nextDecode++;
      }
      while (agen.dueBy(cycle)) {
        long seq = agen.headSeqNo();
        agen.removeHead();
        int s = slot(seq);
        predictor.notifyAgenComplete(seq, piece[s], pc[s], cycle);
      }
      while (exec.dueBy(cycle)) {
        long seq = exec.headSeqNo();
        exec.removeHead();
        int s = slot(seq);
        predictor.notifyInstrExecuteResolve(seq, piece[s], pc[s], predicted[s], cycle);
      }
      while (nextRetire < fetched && retireCycle[slot(nextRetire)] <= cycle) {
        int s = slot(nextRetire);
        predictor.notifyInstrCommit(nextRetire, piece[s], pc[s], predicted[s], cycle);
        nextRetire++;
      }
    }
  }

  /**
   * The micro-op {@code op} (its {@code seqNo} being {@link #nextSeqNo}) placed in time: its
   * fetch hook, then its events queued. {@code agenCycle} is ignored unless it accesses memory.
   */
  void fetch(MicroOp op, long fetchCycle, long agenCycle, long executeCycle, long retire) {
    long seq = fetched;
    if (seq - Math.min(nextDecode, nextRetire) >= pc.length) {
      grow();
    }
    int s = slot(seq);
    pc[s] = op.pc();
    piece[s] = op.piece();
    decodeCycle[s] = fetchCycle + DQ_LATENCY;
    retireCycle[s] = retire;
    predicted[s] = false;
    fetched++;
    predictor.notifyInstrFetch(op, fetchCycle);
    if (op.accessesMemory()) {
      agen.add(agenCycle, seq, 0, false, false, 0);
    }
    exec.add(executeCycle, seq, 0, false, false, 0);
  }

  /**
   * The branch just fetched: predicted if conditional (at its fetch cycle), then its history
   * update. Returns the predicted direction ({@code true} for other classes).
   */
  boolean branch(MicroOp op, long fetchCycle) {
    long seq = op.seqNo();
    boolean conditional = op.instClass() == MicroOp.CONDITIONAL_BRANCH;
    boolean guess = !conditional
        || predictor.getCondDirPrediction(seq, op.piece(), op.pc(), fetchCycle);
    predicted[slot(seq)] = guess;
    predictor.specUpdate(seq, op.piece(), op.pc(), op.instClass(), op.taken(), guess,
        op.nextPc());
    return guess;
  }

  private int slot(long seq) {
    return (int) seq & mask;
  }

  private void grow() {
    long[] oldPc = pc;
    long[] oldDecode = decodeCycle;
    long[] oldRetire = retireCycle;
    int[] oldPiece = piece;
    boolean[] oldPredicted = predicted;
    int oldMask = mask;
    allocate(pc.length * 2);
    for (long seq = Math.min(nextDecode, nextRetire); seq < fetched; seq++) {
      int from = (int) seq & oldMask;
      int to = slot(seq);
      pc[to] = oldPc[from];
      decodeCycle[to] = oldDecode[from];
      retireCycle[to] = oldRetire[from];
      piece[to] = oldPiece[from];
      predicted[to] = oldPredicted[from];
    }
  }
}
