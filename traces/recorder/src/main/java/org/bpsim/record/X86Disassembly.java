package org.bpsim.record;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
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
 * the argument registers of syscall...) are added by mnemonic.
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
    Uses uses = new Uses();
    boolean recognised = operands(instruction, uses);
    if (!recognised) {
      uses = new Uses();
      uses.readAllRegisters(instruction.operands);
      Operand last = instruction.last();
      if (last != null && last.register != 0) {
        uses.write(last.register);
      }
    }
    return uses.toRegisterUse(recognised);
  }

  /** Fills in the registers of a non-branch; false if the mnemonic is not known. */
  private static boolean operands(Instruction instruction, Uses uses) {
    String m = instruction.mnemonic;
    List<Operand> operands = instruction.operands;
    Operand last = instruction.last();
    if (m.isEmpty() || m.startsWith(".")) {
      return false; // ".byte": bytes the disassembler could not decode
    }
    String string = stringOperation(instruction);
    if (string != null) {
      stringOperands(string, uses);
      return true;
    }
    String base = stripSize(m);
    if (NOTHING.contains(m) || NOTHING.contains(base)) {
      return true;
    }
    if (ADDRESS_ONLY.contains(m)) {
      uses.readAddresses(operands);
      return true;
    }
    switch (m) {
      case "syscall":
        uses.read(X86Registers.RAX, X86Registers.RDI, X86Registers.RSI, X86Registers.RDX);
        uses.write(X86Registers.RAX, X86Registers.RCX);
        return true;
      case "cpuid":
        uses.read(X86Registers.RAX, X86Registers.RCX);
        uses.write(X86Registers.RAX, X86Registers.RDX);
        return true;
      case "rdtsc":
      case "rdtscp":
        uses.write(X86Registers.RAX, X86Registers.RDX);
        return true;
      case "xgetbv":
        uses.read(X86Registers.RCX);
        uses.write(X86Registers.RAX, X86Registers.RDX);
        return true;
      case "cqto": case "cltd": case "cwtd": case "cqo": case "cdq": case "cwd":
        uses.read(X86Registers.RAX);
        uses.write(X86Registers.RDX);
        return true;
      case "cltq": case "cwtl": case "cbtw": case "cdqe": case "cwde": case "cbw":
        uses.read(X86Registers.RAX);
        uses.write(X86Registers.RAX);
        return true;
      case "leave": case "leaveq": case "leavel":
        uses.read(X86Registers.RBP);
        uses.write(X86Registers.RSP, X86Registers.RBP);
        return true;
      case "lahf":
        uses.read(X86Registers.FLAGS);
        uses.write(X86Registers.RAX);
        return true;
      case "sahf":
        uses.read(X86Registers.RAX);
        uses.write(X86Registers.FLAGS);
        return true;
      case "stc": case "clc": case "cmc": case "cld": case "std":
        uses.write(X86Registers.FLAGS);
        return true;
      default:
        break;
    }
    if (base.startsWith("xsave") || base.startsWith("xrstor") || base.startsWith("fxsave")
        || base.startsWith("fxrstor")) {
      uses.readAddresses(operands);
      uses.read(X86Registers.RAX, X86Registers.RDX);
      return true;
    }
    switch (base) {
      case "push":
        uses.readAddresses(operands);
        uses.readRegisters(operands);
        uses.read(X86Registers.RSP);
        uses.write(X86Registers.RSP);
        return true;
      case "pushf":
        uses.read(X86Registers.RSP, X86Registers.FLAGS);
        uses.write(X86Registers.RSP);
        return true;
      case "pop":
        uses.readAddresses(operands);
        uses.read(X86Registers.RSP);
        uses.writeRegisters(operands);
        uses.write(X86Registers.RSP);
        return true;
      case "popf":
        uses.read(X86Registers.RSP);
        uses.write(X86Registers.RSP, X86Registers.FLAGS);
        return true;
      case "enter":
        uses.read(X86Registers.RSP, X86Registers.RBP);
        uses.write(X86Registers.RSP, X86Registers.RBP);
        return true;
      case "xchg":
        uses.readAddresses(operands);
        uses.readRegisters(operands);
        uses.writeRegisters(operands);
        return true;
      case "xadd":
        uses.readAddresses(operands);
        uses.readRegisters(operands);
        uses.writeRegisters(operands);
        uses.write(X86Registers.FLAGS);
        return true;
      case "cmpxchg":
        uses.readAddresses(operands);
        uses.readRegisters(operands);
        uses.read(X86Registers.RAX);
        uses.writeDestination(last);
        uses.write(X86Registers.RAX, X86Registers.FLAGS);
        return true;
      case "cmpxchg8b":
      case "cmpxchg16b":
        uses.readAddresses(operands);
        uses.read(X86Registers.RAX, X86Registers.RDX, X86Registers.RBX, X86Registers.RCX);
        uses.write(X86Registers.RAX, X86Registers.RDX);
        return true;
      case "mul": case "imul": case "div": case "idiv":
        if (operands.size() == 1 || (base.equals("imul") && operands.isEmpty())) {
          // One operand: rax (and for a divide rdx) by the operand, into rax and rdx.
          uses.readAddresses(operands);
          uses.readRegisters(operands);
          uses.read(X86Registers.RAX);
          boolean bytes = m.endsWith("b");
          if (base.endsWith("div") && !bytes) {
            uses.read(X86Registers.RDX);
          }
          uses.write(X86Registers.RAX);
          if (!bytes) {
            uses.write(X86Registers.RDX);
          }
          uses.write(X86Registers.FLAGS);
          return true;
        }
        if (base.equals("imul")) {
          // Two operands multiply into the destination; three write it from the others.
          generic(instruction, operands.size() == 2, true, false, uses);
          return true;
        }
        return false;
      default:
        break;
    }
    if (m.startsWith("set") && operands.size() == 1) {
      uses.read(X86Registers.FLAGS);
      uses.readAddresses(operands);
      uses.writeDestination(last);
      return true;
    }
    if (m.startsWith("cmov")) { // the destination keeps its value when the condition fails
      generic(instruction, true, false, true, uses);
      return true;
    }
    if (m.startsWith("cvt") || m.startsWith("vcvt") || m.startsWith("vpbroadcast")
        || m.startsWith("vbroadcast") || m.startsWith("pmovzx") || m.startsWith("pmovsx")
        || m.startsWith("vpmovzx") || m.startsWith("vpmovsx")) {
      generic(instruction, false, false, false, uses);
      return true;
    }
    if (COMPARE.contains(base) || COMPARE.contains(m) || m.equals("vptest")
        || m.startsWith("vucomis") || m.startsWith("vcomis")) {
      uses.readAddresses(operands);
      uses.readRegisters(operands);
      uses.write(X86Registers.FLAGS);
      return true;
    }
    if ((ZERO_IDIOMS.contains(base) || ZERO_IDIOMS.contains(m)) && instruction.isZeroIdiom()) {
      uses.writeDestination(last);
      if (ARITHMETIC.contains(base)) {
        uses.write(X86Registers.FLAGS);
      }
      return true;
    }
    if (ARITHMETIC.contains(base)) {
      generic(instruction, true, true, READ_FLAGS.contains(base), uses);
      return true;
    }
    if (MOVE_WRITE_FLAGS.contains(base)) {
      generic(instruction, false, true, false, uses);
      return true;
    }
    if (MOVE.contains(base) || MOVE.contains(m)) {
      generic(instruction, MODIFY.contains(m), false, false, uses);
      return true;
    }
    if (MODIFY.contains(base) || MODIFY.contains(m)) {
      generic(instruction, true, false, false, uses);
      return true;
    }
    if (m.startsWith("vfm") || m.startsWith("vfnm")) {
      generic(instruction, true, false, false, uses); // fused multiply-add accumulates
      return true;
    }
    if (m.startsWith("v") && instruction.touchesVectors()) {
      // VEX and EVEX forms never read their destination: three operands, or a two-operand move.
      generic(instruction, false, false, false, uses);
      return true;
    }
    if (instruction.touchesVectors() && (m.startsWith("p") || isScalarOrPackedFloat(m))) {
      // Legacy SSE arithmetic: two operands, the destination is also the first source.
      generic(instruction, true, false, false, uses);
      return true;
    }
    return false;
  }

  private static boolean isScalarOrPackedFloat(String m) {
    return m.endsWith("ps") || m.endsWith("pd") || m.endsWith("ss") || m.endsWith("sd");
  }

  /**
   * The usual shape: sources are the operands but the last, which is the destination.
   *
   * @param readsDestination the operation reads its destination too
   * @param writesFlags the operation writes the flags
   * @param readsFlags the operation reads the flags
   */
  private static void generic(Instruction instruction, boolean readsDestination,
      boolean writesFlags, boolean readsFlags, Uses uses) {
    List<Operand> operands = instruction.operands;
    Operand last = instruction.last();
    uses.readAddresses(operands);
    for (int i = 0; i < operands.size() - 1; i++) {
      uses.read(operands.get(i).register);
    }
    if (last != null && readsDestination) {
      uses.read(last.register);
    }
    if (readsFlags) {
      uses.read(X86Registers.FLAGS);
    }
    uses.writeDestination(last);
    if (writesFlags) {
      uses.write(X86Registers.FLAGS);
    }
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

  private static void stringOperands(String operation, Uses uses) {
    // A rep prefix also reads and writes rcx; QEMU counts each iteration as one instruction.
    switch (operation) {
      case "movs":
        uses.read(X86Registers.RSI, X86Registers.RDI, X86Registers.RCX);
        uses.write(X86Registers.RSI, X86Registers.RDI);
        break;
      case "stos":
        uses.read(X86Registers.RDI, X86Registers.RAX, X86Registers.RCX);
        uses.write(X86Registers.RDI, X86Registers.RCX);
        break;
      case "lods":
        uses.read(X86Registers.RSI);
        uses.write(X86Registers.RAX, X86Registers.RSI);
        break;
      case "scas":
        uses.read(X86Registers.RDI, X86Registers.RAX, X86Registers.RCX);
        uses.write(X86Registers.RDI, X86Registers.FLAGS);
        break;
      default: // cmps
        uses.read(X86Registers.RSI, X86Registers.RDI, X86Registers.RCX);
        uses.write(X86Registers.RSI, X86Registers.FLAGS);
        break;
    }
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
    void read(int... registers) {
      for (int r : registers) {
        if (r != 0 && r != X86Registers.RIP && sourceCount < sources.length && !contains(sources, r)) {
          sources[sourceCount++] = r;
        }
      }
    }

    void write(int... registers) {
      for (int r : registers) {
        if (r != 0 && destinationCount < destinations.length && !contains(destinations, r)) {
          destinations[destinationCount++] = r;
        }
      }
    }

    void readAddresses(List<Operand> operands) {
      for (Operand operand : operands) {
        read(operand.base, operand.index);
      }
    }

    void readRegisters(List<Operand> operands) {
      for (Operand operand : operands) {
        read(operand.register);
      }
    }

    void readAllRegisters(List<Operand> operands) {
      readAddresses(operands);
      readRegisters(operands);
    }

    void writeRegisters(List<Operand> operands) {
      for (Operand operand : operands) {
        write(operand.register);
      }
    }

    void writeDestination(Operand destination) {
      if (destination != null) {
        write(destination.register);
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

  /** A disassembly line split into its mnemonic (prefixes dropped) and operands. */
  private static final class Instruction {
    String mnemonic = "";
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
