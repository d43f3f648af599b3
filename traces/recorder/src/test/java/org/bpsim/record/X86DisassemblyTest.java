package org.bpsim.record;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.bpsim.predictor.spi.BranchKind;
import org.bpsim.trace.champsim.ChampSimBranchKinds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Register reads and writes of real disassembly lines, as QEMU 7.2 (Capstone) prints them. */
final class X86DisassemblyTest {
  private static final int NONE = ChampSimBranchKinds.NOT_A_BRANCH;
  private static final int RAX = 10;
  private static final int RCX = 9;
  private static final int RDX = 8;
  private static final int RBX = 7;
  private static final int RSP = 6;
  private static final int RBP = 5;
  private static final int RSI = 4;
  private static final int RDI = 3;
  private static final int R8 = 11;
  private static final int R10 = 13;
  private static final int R12 = 15;
  private static final int R15 = 18;
  private static final int FLAGS = 25;
  private static final int IP = 26;
  private static final int XMM0 = 64;
  private static final int XMM1 = 65;
  private static final int XMM2 = 66;
  private static final int YMM3 = 67;

  private static Arguments line(String text, int[] writes, int[] reads) {
    return Arguments.of(text, writes, reads);
  }

  private static int[] regs(int... registers) {
    return registers;
  }

  static Stream<Arguments> nonBranches() {
    return Stream.of(
        line("movq %rsp, %rdi", regs(RDI), regs(RSP)),
        line("movl $0x6fffffff, %r8d", regs(R8), regs()),
        line("movq 0x10(%rdx), %rax", regs(RAX), regs(RDX)),
        line("movq %rdx, (%rcx, %rax, 8)", regs(), regs(RCX, RAX, RDX)),
        line("movq 0x17669(%rip), %rax", regs(RAX), regs()),
        line("movq %fs:0x28, %rax", regs(RAX), regs()),
        line("movzbl (%rsi), %eax", regs(RAX), regs(RSI)),
        line("movslq %edi, %rdi", regs(RDI), regs(RDI)),
        line("addq $0x10, %rdx", regs(RDX, FLAGS), regs(RDX)),
        line("subq %rax, %rdi", regs(RDI, FLAGS), regs(RAX, RDI)),
        line("addl %eax, 8(%rbx)", regs(FLAGS), regs(RBX, RAX)),
        line("andb $0xdf, 0x18652(%rip)", regs(FLAGS), regs()),
        line("leaq -0x1b778(%rip), %rsi", regs(RSI), regs()),
        line("leal (%rax, %rax), %edi", regs(RDI), regs(RAX)),
        line("leaq 8(%rbx, %r12, 4), %rcx", regs(RCX), regs(RBX, R12)),
        line("pushq %rbp", regs(RSP), regs(RBP, RSP)),
        line("popq %r15", regs(R15, RSP), regs(RSP)),
        line("cmpq $0xf, %rdi", regs(FLAGS), regs(RDI)),
        line("testq %rax, %rax", regs(FLAGS), regs(RAX)),
        line("btl %eax, %edx", regs(FLAGS), regs(RAX, RDX)),
        line("cmoveq %rdx, %rax", regs(RAX), regs(RDX, RAX, FLAGS)),
        line("sete %al", regs(RAX), regs(FLAGS)),
        line("xorl %eax, %eax", regs(RAX, FLAGS), regs()),
        line("pxor %xmm0, %xmm0", regs(XMM0), regs()),
        line("vpxor %xmm1, %xmm1, %xmm0", regs(XMM0), regs()),
        line("pcmpeqd %xmm2, %xmm2", regs(XMM2), regs()),
        line("xorb %ah, %al", regs(RAX, FLAGS), regs(RAX)),
        line("xorl %edx, %eax", regs(RAX, FLAGS), regs(RDX, RAX)),
        line("imulq %rbx, %rax", regs(RAX, FLAGS), regs(RBX, RAX)),
        line("imull $0x64, %esi, %edx", regs(RDX, FLAGS), regs(RSI)),
        line("mulq %rcx", regs(RAX, RDX), regs(RCX, RAX)),
        line("divq %rcx", regs(RAX, RDX), regs(RCX, RAX, RDX)),
        line("idivl 4(%rsp)", regs(RAX, RDX), regs(RSP, RAX, RDX)),
        line("cqto ", regs(RDX), regs(RAX)),
        line("cltq ", regs(RAX), regs(RAX)),
        line("sbbl %eax, %eax", regs(RAX, FLAGS), regs(RAX, FLAGS)),
        line("adcq %rax, 8(%rbx, %rcx, 8)", regs(FLAGS), regs(RBX, RCX, RAX, FLAGS)),
        line("shlq $0x20, %rdx", regs(RDX, FLAGS), regs(RDX)),
        line("sarl %cl, %r8d", regs(R8, FLAGS), regs(RCX, R8)),
        line("negq %rax", regs(RAX, FLAGS), regs(RAX)),
        line("notl %edx", regs(RDX), regs(RDX)),
        line("incl %eax", regs(RAX, FLAGS), regs(RAX)),
        line("lock cmpxchgl %edx, (%rdi)", regs(RAX, FLAGS), regs(RDI, RDX, RAX)),
        line("lock cmpxchg16b (%rdi)", regs(RAX, RDX), regs(RDI, RAX, RDX, RBX)),
        line("cmpxchg8b 8(%rsi)", regs(RAX, RDX), regs(RSI, RAX, RDX, RBX)),
        line("lock xaddl %eax, (%rdx)", regs(RAX, FLAGS), regs(RDX, RAX)),
        line("xchgl %eax, %edx", regs(RAX, RDX), regs(RAX, RDX)),
        line("rep movsb (%rsi), (%rdi)", regs(RSI, RDI), regs(RSI, RDI, RCX)),
        line("rep stosq %rax, (%rdi)", regs(RDI, RCX), regs(RDI, RAX, RCX)),
        line("syscall ", regs(RAX, RCX), regs(RAX, RDI, RSI, RDX)),
        line("leave ", regs(RSP, RBP), regs(RBP)),
        line("rdtsc ", regs(RAX, RDX), regs()),
        line("tzcntl %edi, %eax", regs(RAX, FLAGS), regs(RDI)),
        line("bsfq %rax, %rdx", regs(RDX, FLAGS), regs(RAX)),
        line("sarxl %eax, %edx, %ecx", regs(RCX), regs(RAX, RDX)),
        line("movd %rsi, %xmm1", regs(XMM1), regs(RSI)),
        line("movaps %xmm1, -0x80(%rbp)", regs(), regs(RBP, XMM1)),
        line("movups (%rsi), %xmm0", regs(XMM0), regs(RSI)),
        line("punpcklqdq %xmm2, %xmm1", regs(XMM1), regs(XMM2, XMM1)),
        line("pcmpeqb (%rdi), %xmm0", regs(XMM0), regs(RDI, XMM0)),
        line("pmovmskb %xmm0, %eax", regs(RAX), regs(XMM0)),
        line("pshufd $0, %xmm1, %xmm0", regs(XMM0), regs(XMM1)),
        line("addsd %xmm1, %xmm0", regs(XMM0), regs(XMM1, XMM0)),
        line("mulsd 8(%rax), %xmm2", regs(XMM2), regs(RAX, XMM2)),
        line("ucomisd %xmm1, %xmm0", regs(FLAGS), regs(XMM1, XMM0)),
        line("cvtsi2sdq %rax, %xmm0", regs(XMM0), regs(RAX)),
        line("cvttsd2si %xmm0, %eax", regs(RAX), regs(XMM0)),
        line("vpcmpeqb (%rdi), %ymm0, %ymm1", regs(XMM1), regs(RDI, XMM0)),
        line("vpminub %ymm3, %ymm2, %ymm0", regs(XMM0), regs(YMM3, XMM2)),
        line("vmovdqu (%rsi), %ymm3", regs(YMM3), regs(RSI)),
        line("vpmovmskb %ymm1, %eax", regs(RAX), regs(XMM1)),
        line("vzeroupper ", regs(), regs()),
        line("nopw %cs:(%rax, %rax)", regs(), regs()),
        line("endbr64 ", regs(), regs()),
        line("fnstcw -2(%rsp)", regs(), regs(RSP)),
        line("cpuid ", regs(RAX, RDX), regs(RAX, RCX)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("nonBranches")
  void nonBranchRegistersFollowTheOperandsMeaning(String text, int[] writes, int[] reads) {
    RegisterUse use = X86Disassembly.registerUse(text, NONE);
    assertTrue(use.recognised(), text + " fell back");
    assertArrayEquals(Arrays.copyOf(writes, 2), use.destinations(), text + ": " + use);
    assertArrayEquals(Arrays.copyOf(reads, 4), use.sources(), text + ": " + use);
  }

  static Stream<Arguments> branches() {
    return Stream.of(
        Arguments.of("je 0x400081c878", BranchKind.CONDITIONAL, regs(IP), regs(IP, FLAGS)),
        Arguments.of("jrcxz 0x401000", BranchKind.CONDITIONAL, regs(IP), regs(IP, RCX)),
        Arguments.of("loop 0x401000", BranchKind.CONDITIONAL, regs(IP, RCX), regs(IP, RCX)),
        Arguments.of("jmp 0x400081c82a", BranchKind.DIRECT_JUMP, regs(IP), regs(IP)),
        Arguments.of("jmpq *%rax", BranchKind.INDIRECT_JUMP, regs(IP), regs(RAX)),
        Arguments.of("notrack jmpq *%rax", BranchKind.INDIRECT_JUMP, regs(IP), regs(RAX)),
        Arguments.of("jmpq *(%rdx, %rax, 8)", BranchKind.INDIRECT_JUMP, regs(IP),
            regs(RDX, RAX)),
        Arguments.of("jmpq *0x2fe2(%rip)", BranchKind.INDIRECT_JUMP, regs(IP),
            regs(X86Registers.MEMORY_TARGET)),
        Arguments.of("jmpq *8(%rsp)", BranchKind.INDIRECT_JUMP, regs(IP),
            regs(X86Registers.MEMORY_TARGET)),
        Arguments.of("callq 0x400081c770", BranchKind.DIRECT_CALL, regs(IP, RSP), regs(IP, RSP)),
        Arguments.of("callq *%r10", BranchKind.INDIRECT_CALL, regs(IP, RSP),
            regs(IP, RSP, R10)),
        Arguments.of("callq *0x18(%rbx)", BranchKind.INDIRECT_CALL, regs(IP, RSP),
            regs(IP, RSP, RBX)),
        Arguments.of("callq *0x2fe2(%rip)", BranchKind.INDIRECT_CALL, regs(IP, RSP),
            regs(IP, RSP, X86Registers.MEMORY_TARGET)),
        Arguments.of("retq ", BranchKind.RETURN, regs(IP, RSP), regs(RSP)),
        // Disassembly that disagrees with the bytes still gives the bytes' kind.
        Arguments.of("addq %rax, %rbx", BranchKind.INDIRECT_JUMP, regs(IP),
            regs(RAX, RBX)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("branches")
  void branchesKeepTheRegistersChampSimTellsTheirKindBy(String text, BranchKind kind,
      int[] writes, int[] reads) {
    RegisterUse use = X86Disassembly.registerUse(text, kind.code());
    assertArrayEquals(Arrays.copyOf(writes, 2), use.destinations(), text + ": " + use);
    assertArrayEquals(Arrays.copyOf(reads, 4), use.sources(), text + ": " + use);
    assertEquals(kind.code(), ChampSimBranchKinds.classify(use.destinations(), use.sources()));
  }

  @Test
  void anUnknownMnemonicReadsEveryRegisterAndWritesTheLastRegisterOperand() {
    RegisterUse use = X86Disassembly.registerUse("frobq %rax, 8(%rbx), %rcx", NONE);
    assertFalse(use.recognised());
    assertArrayEquals(new int[] {RCX, 0}, use.destinations());
    assertArrayEquals(new int[] {RBX, RAX, RCX, 0}, use.sources());
  }

  @Test
  void undecodableBytesCarryNoRegisters() {
    RegisterUse use = X86Disassembly.registerUse(".byte 0x0f, 0x0b", NONE);
    assertFalse(use.recognised());
    assertArrayEquals(new int[2], use.destinations());
    assertArrayEquals(new int[4], use.sources());
  }

  /** Mutated real lines and random text: never an exception, and branches keep their kind. */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void anyTextGivesRegistersInRangeAndBranchesTheirKind(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    String[] lines = nonBranches().map(a -> (String) a.get()[0]).toArray(String[]::new);
    String alphabet = "%$()*,: {}abcdeilmnopqrstxyz0123456789.";
    for (int n = 0; n < 200; n++) {
      StringBuilder text = new StringBuilder(lines[random.nextInt(lines.length)]);
      int edits = random.nextInt(6);
      for (int e = 0; e < edits && text.length() > 0; e++) {
        int at = random.nextInt(text.length());
        if (random.nextBoolean()) {
          text.deleteCharAt(at);
        } else {
          text.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
        }
      }
      int kind = random.nextInt(BranchKind.values().length + 1) - 1;
      RegisterUse use = X86Disassembly.registerUse(text.toString(), kind);
      for (int r : use.destinations()) {
        assertTrue(r >= 0 && r <= 255, "seed " + seed + ": " + text);
        assertTrue(kind != NONE || r != IP, "seed " + seed + ": " + text);
      }
      for (int r : use.sources()) {
        assertTrue(r >= 0 && r <= 255, "seed " + seed + ": " + text);
      }
      assertEquals(kind, ChampSimBranchKinds.classify(use.destinations(), use.sources()),
          "seed " + seed + ": " + text);
    }
  }

  static Stream<Long> seeds() {
    return new SplittableRandom(20261123).longs(20).boxed();
  }
}
