package org.bpsim.trace.cbp2025;

/**
 * Splits a decoded CBP-2025 record into the micro-ops the kit's own reader makes of it
 * ({@code lib/trace_reader.h}, {@code readInstr} and {@code populateNewInstr}), so that a timing
 * model can place in time exactly what the kit places. Allocation-free: {@link #crack} fills
 * the per-piece arrays, read until the next call.
 *
 * <p>The kit's rules, as its reader applies them:
 * <ul>
 *   <li>One piece per output register (at least one); a SIMD/FP output whose 16-byte value has a
 *       non-zero upper half adds a piece.
 *   <li>A load's or store's updated base register (a store's only output; for a load the one
 *       integer register it both reads and writes, when the record's base-update flag is set)
 *       becomes a last, separate ALU piece that reads and writes that register.
 *   <li>A store makes one memory piece per stored value register (at least one), a load one per
 *       output other than the updated base; the access is split evenly between them, piece
 *       {@code p} at {@code address + p * size}.
 *   <li>Sources: at most three per piece (A, B, C). A store's pieces all read the address
 *       register and, with a register offset, the offset; then their own value register. Other
 *       pieces read the first three inputs.
 *   <li>Destination: the kit walks the outputs with a register index that stays on a SIMD/FP
 *       register for two consecutive pieces (its low and high halves), whether or not the
 *       upper half made a piece of its own; stores write no register except the base update.
 * </ul>
 */
public final class Cbp2025MicroOps {
  /** No register in that slot. */
  public static final int NONE = -1;

  private static final int VECTOR_OFFSET = 32;
  private static final int FLAGS_REGISTER = 64;
  private static final int ZERO_REGISTER = 65;
  private static final int MAX_PIECES = 2 * 255 + 1;

  private final int[] pieceClass = new int[MAX_PIECES];
  private final long[] address = new long[MAX_PIECES];
  private final int[] size = new int[MAX_PIECES];
  private final boolean[] load = new boolean[MAX_PIECES];
  private final boolean[] store = new boolean[MAX_PIECES];
  private final int[] sourceA = new int[MAX_PIECES];
  private final int[] sourceB = new int[MAX_PIECES];
  private final int[] sourceC = new int[MAX_PIECES];
  private final int[] destination = new int[MAX_PIECES];
  private final int[] outputs = new int[255];
  private int pieces;

  static boolean isIntegerRegister(int register) {
    return register < VECTOR_OFFSET || register == FLAGS_REGISTER || register == ZERO_REGISTER;
  }

  /** Cracks the decoder's current record; returns the number of pieces. */
  public int crack(Cbp2025Decoder d) {
    int type = d.instructionClass();
    boolean memory = InstructionClass.isMemory(type);
    if (!memory && d.outputs() <= 1
        && (d.outputs() == 0 || isIntegerRegister(d.outputRegister(0)) || !d.wideUpperNonZero(0))) {
      return single(d, type);
    }
    boolean isStore = type == InstructionClass.STORE;
    int numOut = d.outputs();
    int numIn = d.inputs();
    int total = numOut > 0 ? numOut : 1;
    int baseRegister = baseUpdateRegister(d, type);
    boolean baseUpdate = baseRegister != NONE;
    int basePosition = -1;
    for (int i = 0; i < numOut; i++) {
      int register = d.outputRegister(i);
      outputs[i] = register;
      if (baseUpdate && register == baseRegister && basePosition < 0) {
        basePosition = i;
      } else if (!isIntegerRegister(register) && d.wideUpperNonZero(i)) {
        total++;
      }
    }
    if (baseUpdate && numOut > 1) {
      // The kit moves the updated base to the end of the outputs.
      System.arraycopy(outputs, basePosition + 1, outputs, basePosition, numOut - basePosition - 1);
      outputs[numOut - 1] = baseRegister;
    }
    int memPieces;
    int sizeFactor;
    if (isStore) {
      // The kit needs the address register (and the offset) among the inputs and stops on a
      // store without them; such a store is taken here as storing one value.
      int valueRegisters = Math.max(0, numIn - (1 + (d.registerOffset() ? 1 : 0)));
      memPieces = valueRegisters == 0 ? 1 : valueRegisters;
      total = memPieces + (baseUpdate ? 1 : 0);
      sizeFactor = d.accessBytes() / memPieces;
    } else if (type == InstructionClass.LOAD) {
      memPieces = total - (baseUpdate ? 1 : 0);
      sizeFactor = memPieces > 0 ? d.accessBytes() / memPieces : 0;
    } else {
      memPieces = 0;
      sizeFactor = 0;
    }
    int regIndex = 0;
    int fpRun = 0;
    for (int p = 0; p < total; p++) {
      boolean baseOp = memory && p >= 1 && memPieces == p && memPieces == total - 1;
      pieceClass[p] = baseOp ? InstructionClass.ALU : type;
      int a = NONE;
      int b = NONE;
      int c = NONE;
      if (baseOp) {
        a = baseRegister;
      } else if (isStore) {
        a = numIn > 0 ? d.inputRegister(0) : NONE;
        int valueAt = 1 + (d.registerOffset() ? 1 : 0) + p;
        if (d.registerOffset()) {
          b = numIn > 1 ? d.inputRegister(1) : NONE;
          c = valueAt < numIn ? d.inputRegister(valueAt) : NONE;
        } else {
          b = valueAt < numIn ? d.inputRegister(valueAt) : NONE;
        }
      } else {
        a = numIn >= 1 ? d.inputRegister(0) : NONE;
        b = numIn >= 2 ? d.inputRegister(1) : NONE;
        c = numIn >= 3 ? d.inputRegister(2) : NONE;
      }
      sourceA[p] = a;
      sourceB[p] = b;
      sourceC[p] = c;
      if (baseOp) {
        destination[p] = baseRegister;
      } else if (!isStore && numOut >= 1) {
        int register = outputs[Math.min(regIndex, numOut - 1)];
        destination[p] = register;
        fpRun = isIntegerRegister(register) ? 0 : fpRun + 1;
      } else {
        destination[p] = NONE;
        fpRun = 0;
      }
      load[p] = !baseOp && type == InstructionClass.LOAD;
      store[p] = !baseOp && isStore;
      address[p] = d.effectiveAddress() + (long) p * sizeFactor;
      size[p] = Math.max(1, sizeFactor);
      if (numOut > regIndex && !isIntegerRegister(outputs[regIndex])) {
        if (fpRun % 2 == 0) {
          regIndex++;
        }
      } else {
        regIndex++;
      }
    }
    pieces = total;
    return total;
  }

  /**
   * The common case, one piece: an operation that is not a load or store and writes at most one
   * register with no upper half of its own (the general rules give the same).
   */
  private int single(Cbp2025Decoder d, int type) {
    int numIn = d.inputs();
    pieceClass[0] = type;
    sourceA[0] = numIn >= 1 ? d.inputRegister(0) : NONE;
    sourceB[0] = numIn >= 2 ? d.inputRegister(1) : NONE;
    sourceC[0] = numIn >= 3 ? d.inputRegister(2) : NONE;
    destination[0] = d.outputs() == 1 ? d.outputRegister(0) : NONE;
    load[0] = false;
    store[0] = false;
    address[0] = d.effectiveAddress();
    size[0] = 1;
    pieces = 1;
    return 1;
  }

  /** The updated base register of a load or store as the kit's reader finds it, else NONE. */
  private static int baseUpdateRegister(Cbp2025Decoder d, int type) {
    if (type == InstructionClass.STORE) {
      return d.outputs() == 1 ? d.outputRegister(0) : NONE;
    }
    if (type != InstructionClass.LOAD || d.outputs() <= 1) {
      return NONE;
    }
    // The integer registers (below 32) both read and written: exactly one makes a base update.
    int found = NONE;
    int overlaps = 0;
    for (int o = 0; o < d.outputs(); o++) {
      int out = d.outputRegister(o);
      if (out >= VECTOR_OFFSET || out == found) {
        continue;
      }
      for (int i = 0; i < d.inputs(); i++) {
        if (d.inputRegister(i) == out) {
          if (found == NONE) {
            found = out;
          }
          overlaps++;
          break;
        }
      }
    }
    return d.baseUpdate() && overlaps == 1 ? found : NONE;
  }

  public int pieces() {
    return pieces;
  }

  /** The piece's {@link InstructionClass} (a base update is an ALU piece). */
  public int pieceClass(int p) {
    return pieceClass[p];
  }

  public boolean isLoad(int p) {
    return load[p];
  }

  public boolean isStore(int p) {
    return store[p];
  }

  /** First byte the piece accesses (loads and stores). */
  public long address(int p) {
    return address[p];
  }

  /** Bytes the piece accesses (at least 1). */
  public int size(int p) {
    return size[p];
  }

  /** Source slot 0..2 of the piece (A, B, C), or NONE. */
  public int source(int p, int slot) {
    return slot == 0 ? sourceA[p] : slot == 1 ? sourceB[p] : sourceC[p];
  }

  /** The piece's destination register, or NONE. */
  public int destination(int p) {
    return destination[p];
  }
}
