package org.bpsim.record;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.IntConsumer;
import java.util.function.Predicate;
import org.bpsim.predictor.spi.BranchKind;
import org.bpsim.trace.champsim.ChampSimBranchKinds;

/**
 * The registers an x86-64 instruction reads and writes, from its disassembly as QEMU prints it
 * (Capstone, AT&T syntax: operands source first, destination last; mnemonics usually carry a size
 * suffix, "addq"). Parsed once per translated instruction, so it may allocate.
 *
 * <p>Operands: the destination register is written; sources are the other operands' registers,
 * the base and index registers of every memory operand, and the destination itself when the
 * operation reads it (add, shifts, most SSE arithmetic) but not for pure writes (mov, lea, set,
 * cvt...). A register combined with itself by xor, sub or their vector forms is a zero idiom:
 * written, not read. Compares and tests write only the flags. Implicit operands (the stack pointer
 * of push and pop, rax and rdx of multiply and divide, rsi, rdi and rcx of string instructions,
 * the argument registers of syscall...) are added by mnemonic. These rules are the rows of one
 * table, {@link #ROWS}: which mnemonics a row covers, what they read and what they write; the
 * first row that matches decides.
 *
 * <p>A record holds 2 destinations and 4 sources, so each list is ordered by importance and cut:
 * destinations are explicit registers, then implicit ones, then the flags (a multiply keeps rax
 * and rdx, not its flags); sources are the address registers of memory operands (which hold up
 * a load), then explicit registers, then the destination read back, then implicit ones, then the
 * flags. A syscall keeps rax and its first three arguments (rdi, rsi, rdx) and writes rax and rcx.
 *
 * <p>Branches keep the registers ChampSim's rule ({@link ChampSimBranchKinds#classify}) needs to
 * tell their kind, plus the target registers of an indirect jump or call where that leaves the
 * kind unchanged (checked for each instruction, falling back to the bare registers otherwise).
 */
final class X86Disassembly {
  private static final Set<String> PREFIXES = Set.of("rep", "repe", "repz", "repne", "repnz",
      "lock", "notrack", "bnd", "xacquire", "xrelease", "data16", "addr32", "rex64", "rex");
  /** Read and write their destination, and write the flags. */
  private static final Set<String> ARITHMETIC = Set.of("add", "sub", "and", "or", "xor", "adc",
      "sbb", "inc", "dec", "neg", "shl", "sal", "shr", "sar", "rol", "ror", "rcl", "rcr", "shld",
      "shrd", "bts", "btr", "btc", "adcx", "adox");
  /** Also read the flags. */
  private static final Set<String> READ_FLAGS = Set.of("adc", "sbb", "rcl", "rcr", "adcx",
      "adox");
  /** Read and write their destination, flags untouched. */
  private static final Set<String> MODIFY = Set.of("not", "bswap", "pinsrb", "pinsrw", "pinsrd",
      "pinsrq", "crc32", "movss", "movlps", "movhps", "movlpd", "movhpd", "movhlps", "movlhps", "insertps",
      "blendps", "blendpd", "pblendw", "pblendvb", "blendvps", "blendvpd");
  /** Write their destination without reading it, flags untouched. */
  private static final Set<String> MOVE = Set.of("mov", "movabs", "movzb", "movzw", "movsb",
      "movsw", "movsl", "movsx", "movzx", "movsxd", "lea", "movbe", "movd", "movq", "movaps",
      "movups", "movapd", "movupd", "movdqa", "movdqu", "movsd", "movnti", "movntdq", "movntps",
      "movntpd", "movmskps", "movmskpd", "pmovmskb", "pshufd", "pshufhw", "pshuflw", "pextrb",
      "pextrw", "pextrd", "pextrq", "extractps", "sarx", "shrx", "shlx", "rorx", "pdep", "pext",
      "lddqu", "movddup", "movshdup", "movsldup", "rcpps", "rsqrtps", "sqrtps", "sqrtpd",
      "movq2dq", "movdq2q");
  /** Write their destination without reading it, and write the flags. */
  private static final Set<String> MOVE_WRITE_FLAGS = Set.of("bsf", "bsr", "tzcnt", "lzcnt",
      "popcnt", "bzhi", "andn", "blsmsk", "blsr", "blsi", "bextr");
  /** Read all their operands, write only the flags. */
  private static final Set<String> COMPARE = Set.of("cmp", "test", "bt", "ucomiss", "ucomisd",
      "comiss", "comisd", "ptest");
  /** Touch no register (a nop's memory operand is never read). */
  private static final Set<String> NOTHING = Set.of("nop", "endbr64", "endbr32", "pause",
      "lfence", "mfence", "sfence", "vzeroupper", "vzeroall", "ud2", "hlt", "int3", "fwait",
      "wait", "emms", "fninit");
  /** Read only the address registers of their memory operand. */
  private static final Set<String> ADDRESS_ONLY = Set.of("prefetcht0", "prefetcht1",
      "prefetcht2", "prefetchnta", "prefetchw", "clflush", "clflushopt", "fldcw", "fnstcw",
      "fstcw", "fnstenv", "fldenv", "ldmxcsr", "stmxcsr", "vldmxcsr", "vstmxcsr");
  /**
   * With both sources one register, the result does not depend on it (zero, or all ones for the
   * compares): cores break the dependence, and so does the trace.
   */
  private static final Set<String> ZERO_IDIOMS = Set.of("xor", "sub", "pxor", "xorps", "xorpd",
      "psubb", "psubw", "psubd", "psubq", "vpxor", "vxorps", "vxorpd", "vpxord", "vpxorq",
      "vpsubb", "vpsubw", "vpsubd", "vpsubq", "pcmpeqb", "pcmpeqw", "pcmpeqd", "pcmpeqq",
      "vpcmpeqb", "vpcmpeqw", "vpcmpeqd", "vpcmpeqq");
  private static final Set<String> STRING = Set.of("movs", "stos", "lods", "scas", "cmps");

  private X86Disassembly() {
  }

  /**
   * The registers of one instruction.
   *
   * @param text its disassembly
   * @param kind its control-transfer kind ({@link X86ControlTransfers#classify}): a
   *     {@link BranchKind#code()} or {@link ChampSimBranchKinds#NOT_A_BRANCH}
   */
  static RegisterUse registerUse(String text, int kind) {
    Instruction instruction = Instruction.parse(text);
    if (kind != ChampSimBranchKinds.NOT_A_BRANCH) {
      return branch(instruction, kind);
    }
    Row row = rowFor(instruction);
    Shape shape = row == null ? UNKNOWN : row.shape;
    Uses uses = new Uses();
    shape.apply(instruction, uses);
    return uses.toRegisterUse(shape.recognised);
  }

  /** The first row of {@link #ROWS} that matches {@code instruction}, or null if none does. */
  static Row rowFor(Instruction instruction) {
    for (Row row : ROWS) {
      if (row.matches.test(instruction)) {
        return row;
      }
    }
    return null;
  }

  /**
   * Some registers an instruction uses, which a row of the table names: a fixed one, or those
   * its operands name.
   */
  @FunctionalInterface
  private interface Registers {
    void of(Instruction instruction, IntConsumer into);
  }

  /** The base and index registers of every memory operand, which hold up the access. */
  private static final Registers ADDRESSES = (instruction, into) -> {
    for (Operand operand : instruction.operands) {
      into.accept(operand.base);
      into.accept(operand.index);
    }
  };
  /** Every register operand. */
  private static final Registers OPERANDS = (instruction, into) -> {
    for (Operand operand : instruction.operands) {
      into.accept(operand.register);
    }
  };
  /** The register operands but the last (AT&T puts the destination last). */
  private static final Registers SOURCES = (instruction, into) -> {
    for (int i = 0; i < instruction.operands.size() - 1; i++) {
      into.accept(instruction.operands.get(i).register);
    }
  };
  /** The last operand, if a register: the destination. */
  private static final Registers DESTINATION = (instruction, into) -> {
    Operand last = instruction.last();
    if (last != null) {
      into.accept(last.register);
    }
  };
  private static final Registers RAX = fixed(X86Registers.RAX);
  private static final Registers RBX = fixed(X86Registers.RBX);
  private static final Registers RCX = fixed(X86Registers.RCX);
  private static final Registers RDX = fixed(X86Registers.RDX);
  private static final Registers RSI = fixed(X86Registers.RSI);
  private static final Registers RDI = fixed(X86Registers.RDI);
  private static final Registers RBP = fixed(X86Registers.RBP);
  private static final Registers RSP = fixed(X86Registers.RSP);
  private static final Registers FLAGS = fixed(X86Registers.FLAGS);

  private static Registers fixed(int register) {
    return (instruction, into) -> into.accept(register);
  }

  /**
   * What an instruction reads and writes, each list most important first (see the class
   * comment); not recognised for a mnemonic bpsim does not know.
   */
  private record Shape(boolean recognised, List<Registers> reads, List<Registers> writes) {
    void apply(Instruction instruction, Uses uses) {
      for (Registers registers : reads) {
        registers.of(instruction, uses::read);
      }
      for (Registers registers : writes) {
        registers.of(instruction, uses::write);
      }
    }
  }

  private static List<Registers> reads(Registers... registers) {
    return List.of(registers);
  }

  private static List<Registers> writes(Registers... registers) {
    return List.of(registers);
  }

  private static Shape shape(List<Registers> reads, List<Registers> writes) {
    return new Shape(true, reads, writes);
  }

  /**
   * The usual shape: the operands but the last are read, the last is written; {@code read}
   * lists what is read after them (the destination itself, the flags) and {@code written} what
   * is written after the destination (the flags).
   */
  private static Shape usual(List<Registers> read, List<Registers> written) {
    List<Registers> reads = new ArrayList<>(List.of(ADDRESSES, SOURCES));
    reads.addAll(read);
    List<Registers> writes = new ArrayList<>(List.of(DESTINATION));
    writes.addAll(written);
    return shape(List.copyOf(reads), List.copyOf(writes));
  }

  /** An unknown mnemonic: every register named is read, the last register operand written. */
  private static final Shape UNKNOWN = new Shape(false, reads(ADDRESSES, OPERANDS),
      writes(DESTINATION));
  private static final Shape NO_REGISTERS = shape(reads(), writes());
  /** Writes the destination from the sources: a move, a conversion, a VEX operation. */
  private static final Shape WRITES_DESTINATION = usual(reads(), writes());
  /** Reads the destination too, flags untouched: legacy SSE, fused multiply-add. */
  private static final Shape UPDATES_DESTINATION = usual(reads(DESTINATION), writes());
  /** Reads the destination too and writes the flags: integer arithmetic. */
  private static final Shape ARITHMETIC_ON_DESTINATION = usual(reads(DESTINATION),
      writes(FLAGS));
  /** Integer arithmetic that also reads the flags (the carry). */
  private static final Shape ARITHMETIC_WITH_CARRY = usual(reads(DESTINATION, FLAGS),
      writes(FLAGS));
  /** Writes the destination and the flags from the sources alone. */
  private static final Shape WRITES_DESTINATION_AND_FLAGS = usual(reads(), writes(FLAGS));
  /** A conditional move: the destination keeps its value when the condition (flags) fails. */
  private static final Shape CONDITIONAL_MOVE = usual(reads(DESTINATION, FLAGS), writes());
  /** Reads every operand, writes only the flags. */
  private static final Shape COMPARES = shape(reads(ADDRESSES, OPERANDS), writes(FLAGS));

  /**
   * One row of the table: the instructions it covers ({@code example} is one of them) and the
   * registers they use.
   */
  record Row(String example, Predicate<Instruction> matches, Shape shape) {
  }

  private static Row row(String example, Predicate<Instruction> matches, Shape shape) {
    return new Row(example, matches, shape);
  }

  private static Row row(String example, Predicate<Instruction> matches, List<Registers> reads,
      List<Registers> writes) {
    return new Row(example, matches, shape(reads, writes));
  }

  /** The mnemonic, as written, is one of {@code names}. */
  private static Predicate<Instruction> mnemonic(String... names) {
    return mnemonic(Set.of(names));
  }

  private static Predicate<Instruction> mnemonic(Set<String> names) {
    return instruction -> names.contains(instruction.mnemonic);
  }

  /** The mnemonic without its size suffix is one of {@code names}. */
  private static Predicate<Instruction> base(String... names) {
    return base(Set.of(names));
  }

  private static Predicate<Instruction> base(Set<String> names) {
    return instruction -> names.contains(instruction.base);
  }

  /** The mnemonic, with or without its size suffix, is one of {@code names}. */
  private static Predicate<Instruction> named(Set<String> names) {
    return mnemonic(names).or(base(names));
  }

  /** The mnemonic starts with one of {@code prefixes}. */
  private static Predicate<Instruction> startsWith(String... prefixes) {
    return instruction -> {
      for (String prefix : prefixes) {
        if (instruction.mnemonic.startsWith(prefix)) {
          return true;
        }
      }
      return false;
    };
  }

  /** The mnemonic without its size suffix starts with one of {@code prefixes}. */
  private static Predicate<Instruction> baseStartsWith(String... prefixes) {
    return instruction -> {
      for (String prefix : prefixes) {
        if (instruction.base.startsWith(prefix)) {
          return true;
        }
      }
      return false;
    };
  }

  private static Predicate<Instruction> operandCount(int count) {
    return instruction -> instruction.operands.size() == count;
  }

  /** A string instruction ({@link #stringOperation}) of {@code operation}. */
  private static Predicate<Instruction> string(String operation) {
    return instruction -> operation.equals(instruction.string);
  }

  private static final Predicate<Instruction> MULTIPLY_OR_DIVIDE = base("mul", "imul", "div",
      "idiv");
  /** One operand: rax (and for a divide rdx) by the operand, into rax and rdx. */
  private static final Predicate<Instruction> ONE_OPERAND_FORM = MULTIPLY_OR_DIVIDE.and(
      operandCount(1).or(base("imul").and(operandCount(0))));

  /**
   * The registers of every non-branch bpsim knows, tried in order: the first row that matches
   * an instruction decides; none means the mnemonic is unknown ({@link #UNKNOWN}). The order
   * matters where rows overlap: string instructions before the moves they are spelled like, zero
   * idioms before arithmetic.
   */
  static final List<Row> ROWS = List.of(
      // ".byte": bytes the disassembler could not decode
      row(".byte 0x0f", i -> i.mnemonic.isEmpty() || i.mnemonic.startsWith("."), UNKNOWN),
      // A rep prefix also reads and writes rcx; QEMU counts each iteration as one instruction.
      row("rep movsb (%rsi), (%rdi)", string("movs"), reads(RSI, RDI, RCX), writes(RSI, RDI)),
      row("rep stosq %rax, (%rdi)", string("stos"), reads(RDI, RAX, RCX), writes(RDI, RCX)),
      row("lodsb (%rsi), %al", string("lods"), reads(RSI), writes(RAX, RSI)),
      row("repne scasb (%rdi), %al", string("scas"), reads(RDI, RAX, RCX), writes(RDI, FLAGS)),
      row("repe cmpsb (%rdi), (%rsi)", string("cmps"), reads(RSI, RDI, RCX), writes(RSI, FLAGS)),
      row("nopw 0(%rax, %rax)", named(NOTHING), NO_REGISTERS),
      row("prefetcht0 0x40(%rdi)", mnemonic(ADDRESS_ONLY), reads(ADDRESSES), writes()),
      row("syscall", mnemonic("syscall"), reads(RAX, RDI, RSI, RDX), writes(RAX, RCX)),
      row("cpuid", mnemonic("cpuid"), reads(RAX, RCX), writes(RAX, RDX)),
      row("rdtsc", mnemonic("rdtsc", "rdtscp"), reads(), writes(RAX, RDX)),
      row("xgetbv", mnemonic("xgetbv"), reads(RCX), writes(RAX, RDX)),
      row("cqto", mnemonic("cqto", "cltd", "cwtd", "cqo", "cdq", "cwd"), reads(RAX), writes(RDX)),
      row("cltq", mnemonic("cltq", "cwtl", "cbtw", "cdqe", "cwde", "cbw"), reads(RAX),
          writes(RAX)),
      row("leave", mnemonic("leave", "leaveq", "leavel"), reads(RBP), writes(RSP, RBP)),
      row("lahf", mnemonic("lahf"), reads(FLAGS), writes(RAX)),
      row("sahf", mnemonic("sahf"), reads(RAX), writes(FLAGS)),
      row("cld", mnemonic("stc", "clc", "cmc", "cld", "std"), reads(), writes(FLAGS)),
      row("xsave (%rsp)", baseStartsWith("xsave", "xrstor", "fxsave", "fxrstor"),
          reads(ADDRESSES, RAX, RDX), writes()),
      row("pushq %rbp", base("push"), reads(ADDRESSES, OPERANDS, RSP), writes(RSP)),
      row("pushfq", base("pushf"), reads(RSP, FLAGS), writes(RSP)),
      row("popq %r15", base("pop"), reads(ADDRESSES, RSP), writes(OPERANDS, RSP)),
      row("popfq", base("popf"), reads(RSP), writes(RSP, FLAGS)),
      row("enterq $0x10, $0", base("enter"), reads(RSP, RBP), writes(RSP, RBP)),
      row("xchgq %rax, %rdx", base("xchg"), reads(ADDRESSES, OPERANDS), writes(OPERANDS)),
      row("lock xaddl %eax, (%rdx)", base("xadd"), reads(ADDRESSES, OPERANDS),
          writes(OPERANDS, FLAGS)),
      row("lock cmpxchgq %rcx, (%rdx)", base("cmpxchg"), reads(ADDRESSES, OPERANDS, RAX),
          writes(DESTINATION, RAX, FLAGS)),
      // Matched as written: their last letter is no size suffix.
      row("lock cmpxchg16b (%rdi)", mnemonic("cmpxchg8b", "cmpxchg16b"),
          reads(ADDRESSES, RAX, RDX, RBX, RCX), writes(RAX, RDX)),
      // A byte multiply or divide uses ax alone: al (and ah) by the operand into ax.
      row("mulb %cl", ONE_OPERAND_FORM.and(i -> i.mnemonic.endsWith("b")),
          reads(ADDRESSES, OPERANDS, RAX), writes(RAX, FLAGS)),
      row("divq %rcx", ONE_OPERAND_FORM.and(base("div", "idiv")),
          reads(ADDRESSES, OPERANDS, RAX, RDX), writes(RAX, RDX, FLAGS)),
      row("mulq %rcx", ONE_OPERAND_FORM, reads(ADDRESSES, OPERANDS, RAX),
          writes(RAX, RDX, FLAGS)),
      // Two operands multiply into the destination; three write it from the others.
      row("imulq %rbx, %rax", base("imul").and(operandCount(2)), ARITHMETIC_ON_DESTINATION),
      row("imull $0x64, %esi, %edx", base("imul"), WRITES_DESTINATION_AND_FLAGS),
      row("mulq %rax, %rdx", MULTIPLY_OR_DIVIDE, UNKNOWN),
      row("sete %al", startsWith("set").and(operandCount(1)), reads(FLAGS, ADDRESSES),
          writes(DESTINATION)),
      row("cmoveq %rdx, %rax", startsWith("cmov"), CONDITIONAL_MOVE),
      row("cvtsi2sdl %eax, %xmm0", startsWith("cvt", "vcvt", "vpbroadcast", "vbroadcast",
          "pmovzx", "pmovsx", "vpmovzx", "vpmovsx"), WRITES_DESTINATION),
      row("testq %rax, %rax", named(COMPARE).or(mnemonic("vptest"))
          .or(startsWith("vucomis", "vcomis")), COMPARES),
      row("xorl %eax, %eax", named(ZERO_IDIOMS).and(Instruction::isZeroIdiom)
          .and(base(ARITHMETIC)), reads(), writes(DESTINATION, FLAGS)),
      row("pxor %xmm0, %xmm0", named(ZERO_IDIOMS).and(Instruction::isZeroIdiom), reads(),
          writes(DESTINATION)),
      row("adcq %rdx, %rax", base(READ_FLAGS), ARITHMETIC_WITH_CARRY),
      row("addq $0x10, %rdx", base(ARITHMETIC), ARITHMETIC_ON_DESTINATION),
      row("tzcntl %edi, %eax", base(MOVE_WRITE_FLAGS), WRITES_DESTINATION_AND_FLAGS),
      row("movq %rsp, %rdi", named(MOVE), WRITES_DESTINATION),
      row("movss %xmm1, %xmm0", named(MODIFY), UPDATES_DESTINATION),
      row("vfmadd231sd %xmm2, %xmm1, %xmm0", startsWith("vfm", "vfnm"), UPDATES_DESTINATION),
      // VEX and EVEX forms never read their destination: three operands, or a two-operand move.
      row("vaddpd %ymm3, %ymm2, %ymm1", startsWith("v").and(Instruction::touchesVectors),
          WRITES_DESTINATION),
      // Legacy SSE arithmetic: two operands, the destination is also the first source.
      row("addsd %xmm1, %xmm0", ((Predicate<Instruction>) Instruction::touchesVectors)
          .and(startsWith("p").or(i -> isScalarOrPackedFloat(i.mnemonic))),
          UPDATES_DESTINATION));

  private static boolean isScalarOrPackedFloat(String m) {
    return m.endsWith("ps") || m.endsWith("pd") || m.endsWith("ss") || m.endsWith("sd");
  }

  /** "movs", "stos"... for a string instruction (not the SSE movsd or cmpsd), else null. */
  private static String stringOperation(Instruction instruction) {
    String m = instruction.mnemonic;
    if (m.length() != 5 || !STRING.contains(m.substring(0, 4))
        || "bwlqd".indexOf(m.charAt(4)) < 0) {
      return null;
    }
    for (Operand operand : instruction.operands) {
      if (operand.register >= X86Registers.VECTOR_0 || operand.immediate) {
        return null;
      }
    }
    return m.substring(0, 4);
  }

  /** A mnemonic without its AT&T size suffix ("addq": "add"); unchanged if it has none. */
  private static String stripSize(String m) {
    if (m.length() > 2 && "bwlq".indexOf(m.charAt(m.length() - 1)) >= 0) {
      return m.substring(0, m.length() - 1);
    }
    return m;
  }

  private static RegisterUse branch(Instruction instruction, int kind) {
    int ip = X86Registers.RIP;
    int sp = X86Registers.RSP;
    int[] destinations = new int[RegisterUse.DESTINATIONS];
    int[] sources = new int[RegisterUse.SOURCES];
    BranchKind branchKind = BranchKind.values()[kind];
    switch (branchKind) {
      case CONDITIONAL:
        destinations[0] = ip;
        sources[0] = ip;
        if (instruction.mnemonic.startsWith("loop")) {
          destinations[1] = X86Registers.RCX; // loop decrements rcx, and loope/loopne test flags
          sources[1] = X86Registers.RCX;
          sources[2] = instruction.mnemonic.length() > 4 ? X86Registers.FLAGS : 0;
        } else if (instruction.mnemonic.endsWith("cxz")) {
          sources[1] = X86Registers.RCX;
        } else {
          sources[1] = X86Registers.FLAGS;
        }
        break;
      case DIRECT_JUMP:
        destinations[0] = ip;
        sources[0] = ip;
        break;
      case INDIRECT_JUMP:
        destinations[0] = ip;
        targetRegisters(instruction, sources, 0);
        break;
      case DIRECT_CALL:
        destinations[0] = ip;
        destinations[1] = sp;
        sources[0] = ip;
        sources[1] = sp;
        break;
      case INDIRECT_CALL:
        destinations[0] = ip;
        destinations[1] = sp;
        sources[0] = ip;
        sources[1] = sp;
        targetRegisters(instruction, sources, 2);
        break;
      case RETURN:
        destinations[0] = ip;
        destinations[1] = sp;
        sources[0] = sp;
        break;
      default:
        destinations[0] = ip;
        sources[0] = ip;
        sources[1] = sp;
        sources[2] = X86Registers.FLAGS;
        break;
    }
    if (ChampSimBranchKinds.classify(destinations, sources) != kind) {
      // Whatever the text said, ChampSim's rule must give back the kind the bytes decided.
      Arrays.fill(sources, 0);
      Arrays.fill(destinations, 0);
      destinations[0] = ip;
      sources[0] = kind == BranchKind.INDIRECT_JUMP.code() ? X86Registers.MEMORY_TARGET : ip;
      if (kind == BranchKind.INDIRECT_CALL.code()) {
        destinations[1] = sp;
        sources[1] = sp;
        sources[2] = X86Registers.MEMORY_TARGET;
      }
    }
    return new RegisterUse(destinations, sources, true);
  }

  /**
   * The registers an indirect branch takes its target from (the register, or a memory operand's
   * base and index), leaving out the stack and instruction pointers, which would change the kind
   * ChampSim tells; {@link X86Registers#MEMORY_TARGET} if none is left.
   */
  private static void targetRegisters(Instruction instruction, int[] sources, int from) {
    int next = from;
    for (Operand operand : instruction.operands) {
      for (int r : new int[] {operand.register, operand.base, operand.index}) {
        if (r != 0 && r != X86Registers.RSP && r != X86Registers.RIP && r != X86Registers.FLAGS
            && next < sources.length && !contains(sources, r)) {
          sources[next++] = r;
        }
      }
    }
    if (next == from) {
      sources[from] = X86Registers.MEMORY_TARGET;
    }
  }

  private static boolean contains(int[] values, int value) {
    for (int v : values) {
      if (v == value) {
        return true;
      }
    }
    return false;
  }

  /** Registers collected in order of importance, without repeats, cut to what a record holds. */
  private static final class Uses {
    private final int[] destinations = new int[RegisterUse.DESTINATIONS];
    private final int[] sources = new int[RegisterUse.SOURCES];
    private int destinationCount;
    private int sourceCount;

    /** Reads; the instruction pointer (of rip-relative addresses) is no dependence. */
    void read(int r) {
      if (r != 0 && r != X86Registers.RIP && sourceCount < sources.length
          && !contains(sources, r)) {
        sources[sourceCount++] = r;
      }
    }

    void write(int r) {
      if (r != 0 && destinationCount < destinations.length && !contains(destinations, r)) {
        destinations[destinationCount++] = r;
      }
    }

    RegisterUse toRegisterUse(boolean recognised) {
      return new RegisterUse(destinations.clone(), sources.clone(), recognised);
    }
  }

  /** One operand: a register, a memory reference (base and index), or a constant. */
  private static final class Operand {
    int register;
    int base;
    int index;
    boolean immediate;

    static Operand parse(String text) {
      Operand operand = new Operand();
      String s = text.strip();
      int brace = s.indexOf('{');
      if (brace >= 0) {
        s = s.substring(0, brace).strip(); // AVX-512 masking: {%k1}{z}
      }
      if (s.startsWith("*")) {
        s = s.substring(1).strip();
      }
      if (s.startsWith("$")) {
        operand.immediate = true;
        return operand;
      }
      int open = s.indexOf('(');
      boolean stRegister = s.startsWith("%st(");
      if (open >= 0 && !stRegister) {
        int close = s.indexOf(')', open);
        String inside = s.substring(open + 1, close < 0 ? s.length() : close);
        String[] parts = inside.split(",", -1);
        operand.base = registerIn(parts[0]);
        operand.index = parts.length > 1 ? registerIn(parts[1]) : 0;
        return operand;
      }
      int colon = s.indexOf(':');
      if (colon >= 0) {
        return operand; // %fs:0x28: a segment-relative absolute address
      }
      operand.register = registerIn(s);
      return operand;
    }

    private static int registerIn(String text) {
      String s = text.strip();
      return s.startsWith("%") ? X86Registers.number(s.substring(1)) : 0;
    }
  }

  /**
   * A disassembly line split into its mnemonic (prefixes dropped), the mnemonic without its size
   * suffix ({@code base}), and operands; {@code string} is its string operation, if it is one.
   */
  static final class Instruction {
    String mnemonic = "";
    String base = "";
    String string;
    final List<Operand> operands = new ArrayList<>();
    final List<String> operandTexts = new ArrayList<>();

    static Instruction parse(String text) {
      Instruction instruction = new Instruction();
      String rest = text.strip().toLowerCase(Locale.ROOT);
      while (!rest.isEmpty()) {
        int space = firstWhitespace(rest);
        String word = space < 0 ? rest : rest.substring(0, space);
        rest = space < 0 ? "" : rest.substring(space).strip();
        if (PREFIXES.contains(word) && !rest.isEmpty() && !rest.startsWith("%")) {
          continue;
        }
        instruction.mnemonic = word;
        break;
      }
      int depth = 0;
      int start = 0;
      for (int i = 0; i <= rest.length(); i++) {
        char c = i < rest.length() ? rest.charAt(i) : ',';
        if (c == '(' || c == '{') {
          depth++;
        } else if ((c == ')' || c == '}') && depth > 0) {
          depth--;
        } else if (c == ',' && (depth == 0 || i == rest.length())) {
          String operand = rest.substring(start, i).strip();
          if (!operand.isEmpty()) {
            instruction.operandTexts.add(operand);
            instruction.operands.add(Operand.parse(operand));
          }
          start = i + 1;
        }
      }
      instruction.base = stripSize(instruction.mnemonic);
      instruction.string = stringOperation(instruction);
      return instruction;
    }

    private static int firstWhitespace(String s) {
      for (int i = 0; i < s.length(); i++) {
        if (Character.isWhitespace(s.charAt(i))) {
          return i;
        }
      }
      return -1;
    }

    Operand last() {
      return operands.isEmpty() ? null : operands.get(operands.size() - 1);
    }

    boolean touchesVectors() {
      for (Operand operand : operands) {
        if (operand.register >= X86Registers.VECTOR_0 && operand.register < X86Registers.MASK_0
            || operand.register >= X86Registers.X87_0
            && operand.register < X86Registers.MEMORY_TARGET) {
          return true;
        }
      }
      return false;
    }

    /**
     * Whether the two sources are one register, named alike: "xorl %eax, %eax", or the first two
     * of "vpxor %xmm1, %xmm1, %xmm0" (not "xorb %ah, %al", two parts of one register).
     */
    boolean isZeroIdiom() {
      if (operands.size() != 2 && operands.size() != 3) {
        return false;
      }
      return operands.get(0).register != 0 && operands.get(1).register != 0
          && operandTexts.get(0).equals(operandTexts.get(1))
          && operands.get(operands.size() - 1).register != 0;
    }
  }
}
