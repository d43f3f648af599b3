package org.bpsim.pipeline;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.bpsim.predictor.spi.BranchKind;
import org.bpsim.predictor.spi.StagedBranchPredictor;

/**
 * Wraps a staged predictor and records every call in order, for tests of when the pipeline calls
 * what. Each call is also one line of text, in the format the scratch comparison with the kit
 * uses ({@code P seq pc}, {@code S seq pc class taken predicted next}, {@code R seq pc taken
 * predicted}, hexadecimal addresses, the kit's instruction class numbers), over which
 * {@link #checksum()} is a 64-bit FNV-1a hash.
 */
final class RecordingStagedPredictor implements StagedBranchPredictor {
  static final byte PREDICT = 'P';
  static final byte SPEC_UPDATE = 'S';
  static final byte RESOLVE = 'R';

  private final StagedBranchPredictor inner;
  private byte[] call = new byte[1 << 16];
  private long[] seq = new long[1 << 16];
  private long[] pcs = new long[1 << 16];
  private boolean[] takens = new boolean[1 << 16];
  private boolean[] predictions = new boolean[1 << 16];
  private BranchKind[] kinds = new BranchKind[1 << 16];
  private int size;
  private long hash = 0xcbf29ce484222325L;
  private final StringBuilder line = new StringBuilder();
  private final BufferedWriter log;

  /** Records {@code inner}'s calls; writes them to {@code logFile} too when it is not null. */
  RecordingStagedPredictor(StagedBranchPredictor inner, Path logFile) throws IOException {
    this.inner = inner;
    this.log = logFile == null ? null : Files.newBufferedWriter(logFile);
  }

  /** The kit's instruction class of a branch kind ({@code InstClass} in its sim_common_structs.h). */
  static int kitClass(BranchKind kind) {
    return switch (kind) {
      case CONDITIONAL -> 3;
      case DIRECT_JUMP -> 4;
      case INDIRECT_JUMP -> 5;
      case DIRECT_CALL -> 9;
      case INDIRECT_CALL -> 10;
      case RETURN -> 11;
      case OTHER -> throw new IllegalArgumentException("the kit has no class for OTHER");
    };
  }

  private void record(byte what, long seqNo, long pc, boolean taken, boolean predicted,
      BranchKind kind) {
    if (size == call.length) {
      int n = size * 2;
      call = Arrays.copyOf(call, n);
      seq = Arrays.copyOf(seq, n);
      pcs = Arrays.copyOf(pcs, n);
      takens = Arrays.copyOf(takens, n);
      predictions = Arrays.copyOf(predictions, n);
      kinds = Arrays.copyOf(kinds, n);
    }
    kinds[size] = kind;
    call[size] = what;
    seq[size] = seqNo;
    pcs[size] = pc;
    takens[size] = taken;
    predictions[size] = predicted;
    size++;
  }

  private void text(String text) {
    for (int i = 0; i < text.length(); i++) {
      hash = (hash ^ (text.charAt(i) & 0xff)) * 0x100000001b3L;
    }
    hash = (hash ^ '\n') * 0x100000001b3L;
    if (log != null) {
      try {
        log.write(text);
        log.newLine();
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
  }

  @Override
  public boolean predictAtFetch(long seqNo, long pc) {
    boolean predicted = inner.predictAtFetch(seqNo, pc);
    record(PREDICT, seqNo, pc, false, predicted, BranchKind.CONDITIONAL);
    text("P " + seqNo + " " + Long.toHexString(pc));
    return predicted;
  }

  @Override
  public void specUpdate(long seqNo, long pc, BranchKind kind, boolean predicted, boolean taken,
      long nextPc) {
    inner.specUpdate(seqNo, pc, kind, predicted, taken, nextPc);
    record(SPEC_UPDATE, seqNo, pc, taken, predicted, kind);
    text("S " + seqNo + " " + Long.toHexString(pc) + " " + kitClass(kind) + " " + (taken ? 1 : 0)
        + " " + (predicted ? 1 : 0) + " " + Long.toHexString(nextPc));
  }

  @Override
  public void resolveAtExecute(long seqNo, long pc, boolean taken, boolean predicted,
      long nextPc) {
    inner.resolveAtExecute(seqNo, pc, taken, predicted, nextPc);
    record(RESOLVE, seqNo, pc, taken, predicted, BranchKind.CONDITIONAL);
    text("R " + seqNo + " " + Long.toHexString(pc) + " " + (taken ? 1 : 0) + " "
        + (predicted ? 1 : 0));
  }

  @Override
  public boolean predict(long pc) {
    throw new AssertionError("a pipeline drives a staged predictor through its staged calls");
  }

  @Override
  public void update(long pc, long target, BranchKind kind, boolean taken) {
    throw new AssertionError("a pipeline drives a staged predictor through its staged calls");
  }

  @Override
  public long storageBits() {
    return inner.storageBits();
  }

  void close() throws IOException {
    if (log != null) {
      log.close();
    }
  }

  int size() {
    return size;
  }

  byte call(int i) {
    return call[i];
  }

  long seq(int i) {
    return seq[i];
  }

  long pc(int i) {
    return pcs[i];
  }

  boolean taken(int i) {
    return takens[i];
  }

  BranchKind kind(int i) {
    return kinds[i];
  }

  boolean predicted(int i) {
    return predictions[i];
  }

  int count(byte what) {
    int n = 0;
    for (int i = 0; i < size; i++) {
      n += call[i] == what ? 1 : 0;
    }
    return n;
  }

  long checksum() {
    return hash;
  }
}
