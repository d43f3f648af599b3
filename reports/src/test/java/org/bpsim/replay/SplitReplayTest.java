package org.bpsim.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.channels.ClosedByInterruptException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.LongStream;
import org.bpsim.predictor.registry.PredictorRegistry;
import org.bpsim.predictor.spi.BranchKind;
import org.bpsim.predictor.spi.BranchPredictor;
import org.bpsim.predictor.spi.PredictorConfig;
import org.bpsim.report.ResultFormat;
import org.bpsim.trace.BranchBatch;
import org.bpsim.trace.BranchRecord;
import org.bpsim.trace.Compression;
import org.bpsim.trace.RandomBranches;
import org.bpsim.trace.TraceFormatException;
import org.bpsim.trace.TraceWriter;
import org.bpsim.trace.bt9.Bt9TraceWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A replay spread over worker threads ({@link SplitReplay}) gives the rows of one pass, byte for
 * byte, on files and streams, with windows and misprediction lists; a damaged trace fails it
 * with the one message of one pass; a failing predictor fails alone; the decoder never has more
 * than the pool's batches out; an interrupt ends every thread it started.
 */
final class SplitReplayTest {
  private static final List<BranchKind> BT9_KINDS = List.of(BranchKind.CONDITIONAL,
      BranchKind.DIRECT_JUMP, BranchKind.INDIRECT_JUMP, BranchKind.DIRECT_CALL,
      BranchKind.INDIRECT_CALL, BranchKind.RETURN);
  private static final int BATCH = BranchBatch.DEFAULT_CAPACITY;
  private static final PredictorRegistry REGISTRY = PredictorRegistry.builtIn();

  @TempDir
  Path folder;

  static LongStream seeds() {
    return LongStream.range(0, 40).map(i -> 0x5B117000L + i);
  }

  private static Path writeBt9(Path file, List<BranchRecord> branches, Compression compression)
      throws IOException {
    try (TraceWriter writer = new Bt9TraceWriter(file, compression)) {
      for (BranchRecord b : branches) {
        writer.write(b);
      }
    }
    return file;
  }

  /** At least {@code min} branches, so that the replay takes several batches. */
  private static List<BranchRecord> branches(SplittableRandom random, int min, int max) {
    List<BranchRecord> branches;
    do {
      branches = RandomBranches.stream(random, max, BT9_KINDS);
    } while (branches.size() < min);
    return branches;
  }

  private static List<PredictorConfig> configs(SplittableRandom random) {
    int count = 2 + random.nextInt(7);
    List<PredictorConfig> configs = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String spec = switch (random.nextInt(6)) {
        case 0 -> "bimodal:index_bits=" + random.nextInt(2, 14);
        case 1 -> "gshare:history=" + random.nextInt(0, 24) + ",index_bits="
            + random.nextInt(4, 16);
        case 2 -> "perceptron:history=" + random.nextInt(4, 40) + ",table_bits="
            + random.nextInt(4, 10);
        case 3 -> "hashed-perceptron:tables=" + random.nextInt(2, 8) + ",table_bits="
            + random.nextInt(4, 10);
        case 4 -> "tournament";
        default -> "tage:budget=8KB";
      };
      configs.add(REGISTRY.resolve(spec));
    }
    return configs;
  }

  private static ReplayOptions window(SplittableRandom random, List<BranchRecord> branches) {
    long total = branches.get(branches.size() - 1).position();
    return switch (random.nextInt(4)) {
      case 0 -> new ReplayOptions(1 + random.nextLong(total), Long.MAX_VALUE,
          OptionalLong.empty());
      case 1 -> new ReplayOptions(0, 1 + random.nextLong(total), OptionalLong.empty());
      case 2 -> new ReplayOptions(random.nextLong(total / 2 + 1), 1 + random.nextLong(total),
          OptionalLong.empty());
      default -> ReplayOptions.WHOLE_TRACE;
    };
  }

  /** A sink that keeps each predictor's list apart, as a sink spread over threads must. */
  private static final class Lists implements MispredictionSink {
    final StringBuilder[] lines;

    Lists(int predictors) {
      lines = new StringBuilder[predictors];
      for (int p = 0; p < predictors; p++) {
        lines[p] = new StringBuilder();
      }
    }

    @Override
    public void mispredicted(int predictor, BranchBatch batch, int[] entries, long[] indices,
        int count) {
      for (int k = 0; k < count; k++) {
        int i = entries[k];
        lines[predictor].append(MispredictionList.line(indices[k], batch.pc[i], batch.taken[i]))
            .append('\n');
      }
    }

    List<String> all() {
      List<String> all = new ArrayList<>();
      for (StringBuilder list : lines) {
        all.add(list.toString());
      }
      return all;
    }
  }

  private static String csv(List<RunResult> rows) {
    return ResultFormat.CSV.render(rows);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void spreadOverAnyNumberOfWorkersGivesTheRowsOfOnePass(long seed) throws Exception {
    System.out.println("SplitReplayTest seed " + seed);
    SplittableRandom random = new SplittableRandom(seed);
    List<BranchRecord> branches = branches(random, 1, 60_000);
    Compression compression = random.nextBoolean() ? Compression.NONE : Compression.GZIP;
    Path trace = writeBt9(folder.resolve("t.bt9.trace"), branches, compression);
    List<PredictorConfig> configs = configs(random);
    ReplayOptions options = window(random, branches);
    int workers = 2 + random.nextInt(6);
    int pool = 1 + random.nextInt(6);
    String where = "seed " + seed + ": " + branches.size() + " branches, " + compression + ", "
        + configs.size() + " predictors on " + workers + " workers, pool " + pool + ", "
        + options;

    List<String> warningsOfOne = new ArrayList<>();
    List<RunResult> one = new Replay(trace, "t", null, options).warnTo(warningsOfOne::add)
        .run(configs, REGISTRY);
    List<String> warningsSpread = new ArrayList<>();
    AtomicLong progressed = new AtomicLong();
    List<RunResult> spread = new Replay(trace, "t", null, options).warnTo(warningsSpread::add)
        .spreadOver(workers).poolOf(pool)
        .run(configs, REGISTRY, null, progressed::addAndGet);
    assertEquals(csv(one), csv(spread), where);
    assertEquals(one, spread, where);
    assertEquals(warningsOfOne, warningsSpread, where);
    assertTrue(progressed.get() >= one.get(0).branches(), where + ": progress");

    // the same bytes through a FIFO, a stream read once; and the misprediction lists
    Path fifo = fifo("t.fifo");
    Thread writer = feed(fifo, Files.readAllBytes(trace));
    Lists ofOne = new Lists(configs.size());
    List<RunResult> listedOne = new Replay(trace, "t", null, options).warnTo(line -> { })
        .run(configs, REGISTRY, PredictorGuard.DEFAULT, ofOne);
    Lists ofSpread = new Lists(configs.size());
    List<RunResult> listedSpread = new Replay(fifo, "t", null, options).warnTo(line -> { })
        .spreadOver(workers).poolOf(pool)
        .run(configs, REGISTRY, PredictorGuard.DEFAULT, ofSpread);
    writer.join();
    assertEquals(csv(one), csv(listedOne), where + ": listing");
    assertEquals(csv(one), csv(listedSpread), where + ": from a FIFO, listing");
    assertEquals(ofOne.all(), ofSpread.all(), where + ": misprediction lists");
  }

  private Path fifo(String name) throws Exception {
    Path fifo = folder.resolve(name);
    Files.deleteIfExists(fifo);
    Process mkfifo;
    try {
      mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
    } catch (IOException e) {
      assumeTrue(false, "mkfifo is not installed: skipping the FIFO case");
      return null;
    }
    assumeTrue(mkfifo.waitFor() == 0, "mkfifo failed here: skipping the FIFO case");
    return fifo;
  }

  private static Thread feed(Path fifo, byte[] bytes) {
    Thread writer = new Thread(() -> {
      try (OutputStream out = Files.newOutputStream(fifo)) {
        out.write(bytes);
      } catch (IOException e) {
        // the reader went away: nothing more to write
      }
    }, "fifo-writer");
    writer.setDaemon(true);
    writer.start();
    return writer;
  }

  @Test
  void aDamagedTraceFailsTheSplitReplayWithTheMessageOfOnePass() throws IOException {
    long seed = 0xDA11A9EL;
    System.out.println("SplitReplayTest seed " + seed);
    SplittableRandom random = new SplittableRandom(seed);
    Path good = writeBt9(folder.resolve("good.bt9.trace"), branches(random, 50_000, 60_000),
        Compression.NONE);
    List<String> lines = new ArrayList<>(Files.readAllLines(good, StandardCharsets.UTF_8));
    int sequence = lines.indexOf("BT9_EDGE_SEQUENCE");
    assertTrue(sequence > 0, "no edge sequence in the written trace");
    // late in the trace, so that the workers are well under way when the decoder meets it
    int damaged = sequence + 1 + (lines.size() - sequence - 2) * 9 / 10;
    lines.set(damaged, "zz");
    Path trace = folder.resolve("damaged.bt9.trace");
    Files.write(trace, lines, StandardCharsets.UTF_8);
    List<PredictorConfig> configs = List.of(REGISTRY.resolve("bimodal"),
        REGISTRY.resolve("gshare"), REGISTRY.resolve("perceptron"),
        REGISTRY.resolve("tournament"), REGISTRY.resolve("gshare:history=4,index_bits=8"));

    TraceFormatException one = assertThrows(TraceFormatException.class,
        () -> new Replay(trace, "t", null, ReplayOptions.WHOLE_TRACE).run(configs, REGISTRY));
    assertTrue(one.getMessage().contains(trace.toString()), one.getMessage());
    assertFalse(one.getMessage().contains("\n"), one.getMessage());
    for (int workers : new int[] {2, 3, 5}) {
      for (int pool : new int[] {1, 2, 16}) {
        TraceFormatException spread = assertThrows(TraceFormatException.class,
            () -> new Replay(trace, "t", null, ReplayOptions.WHOLE_TRACE).spreadOver(workers)
                .poolOf(pool).run(configs, REGISTRY));
        assertEquals(one.getMessage(), spread.getMessage(), workers + " workers, pool " + pool);
      }
    }
    assertNoWorkerLeft("t");
  }

  /** A predictor of tests that throws at its {@code at}-th prediction. */
  private static final class FailsAt implements BranchPredictor {
    private long remaining;

    FailsAt(long at) {
      remaining = at;
    }

    @Override
    public boolean predict(long pc) {
      if (--remaining == 0) {
        throw new IllegalStateException("deliberate fault");
      }
      return (pc & 4) != 0;
    }

    @Override
    public void update(long pc, long target, BranchKind kind, boolean taken) {
    }

    @Override
    public long storageBits() {
      return 7;
    }
  }

  private static List<BranchPredictor> built(List<PredictorConfig> configs, int faulty,
      long at) {
    List<BranchPredictor> predictors = new ArrayList<>();
    for (int p = 0; p < configs.size(); p++) {
      predictors.add(p == faulty ? new FailsAt(at) : REGISTRY.create(configs.get(p)));
    }
    return predictors;
  }

  @Test
  void aFailingPredictorFailsAloneAsInOnePass() throws IOException {
    long seed = 0xFA17EDL;
    System.out.println("SplitReplayTest seed " + seed);
    SplittableRandom random = new SplittableRandom(seed);
    Path trace = writeBt9(folder.resolve("t.bt9.trace"), branches(random, 40_000, 60_000),
        Compression.NONE);
    List<PredictorConfig> configs = List.of(REGISTRY.resolve("bimodal"),
        REGISTRY.resolve("gshare"), REGISTRY.resolve("perceptron"),
        REGISTRY.resolve("tournament"));
    List<String> specs = new ArrayList<>();
    for (PredictorConfig config : configs) {
      specs.add(config.canonicalSpec());
    }
    for (int faulty = 0; faulty < configs.size(); faulty++) {
      long at = 1 + random.nextInt(5_000);
      List<RunResult> one = new Replay(trace, "t", null, ReplayOptions.WHOLE_TRACE)
          .run(specs, built(configs, faulty, at));
      assertNotNull(one.get(faulty).failure());
      for (int workers : new int[] {2, 4}) {
        List<RunResult> spread = new Replay(trace, "t", null, ReplayOptions.WHOLE_TRACE)
            .spreadOver(workers).poolOf(3).run(specs, built(configs, faulty, at));
        assertEquals(one, spread, "predictor " + faulty + " failing at " + at + ", "
            + workers + " workers");
        for (int p = 0; p < configs.size(); p++) {
          if (p != faulty) {
            assertNull(spread.get(p).failure(), spread.get(p).toString());
          }
        }
      }
    }
  }

  /** Counts its updates; the slow one waits, on its first, until told to go. */
  private static class Counting implements BranchPredictor {
    final AtomicLong updates = new AtomicLong();
    private final CountDownLatch go;

    Counting(CountDownLatch go) {
      this.go = go;
    }

    @Override
    public boolean predict(long pc) {
      return true;
    }

    @Override
    public void update(long pc, long target, BranchKind kind, boolean taken) {
      if (go != null && updates.get() == 0) {
        try {
          go.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      updates.incrementAndGet();
    }

    @Override
    public long storageBits() {
      return 1;
    }
  }

  @Test
  @Timeout(value = 2, unit = TimeUnit.MINUTES)
  void theDecoderNeverRunsMoreThanThePoolAheadOfTheSlowestPredictor() throws IOException {
    long seed = 0xB0A7DL;
    System.out.println("SplitReplayTest seed " + seed);
    SplittableRandom random = new SplittableRandom(seed);
    Path trace = writeBt9(folder.resolve("t.bt9.trace"), branches(random, 60_000, 70_000),
        Compression.NONE);
    for (int pool : new int[] {1, 2, 3}) {
      // the slow predictor holds the trace's first batch until the fast one has replayed the
      // whole pool; were the decoder to run further ahead, the fast one would see more batches
      // while the first is still held
      CountDownLatch release = new CountDownLatch(1);
      Counting slow = new Counting(release);
      AtomicBoolean overran = new AtomicBoolean();
      long limit = (long) pool * BATCH;
      Counting fast = new Counting(null) {
        @Override
        public void update(long pc, long target, BranchKind kind, boolean taken) {
          long seen = updates.get();
          if (seen >= limit && slow.updates.get() < BATCH) {
            // batch number pool (from 0) while the slow one has not finished batch 0
            overran.set(true);
          }
          super.update(pc, target, kind, taken);
          if (seen == limit - 1) {
            release.countDown();
          }
        }
      };
      List<RunResult> rows = new Replay(trace, "t", null, ReplayOptions.WHOLE_TRACE)
          .spreadOver(2).poolOf(pool).run(List.of("slow", "fast"), List.of(slow, fast));
      assertFalse(overran.get(), "pool of " + pool + ": the decoder ran ahead of it");
      assertNull(rows.get(0).failure());
      assertNull(rows.get(1).failure());
      assertEquals(rows.get(0).branches(), slow.updates.get());
      assertEquals(rows.get(0).branches(), fast.updates.get());
      assertTrue(rows.get(0).branches() > (pool + 1L) * BATCH, "trace too short for the case");
    }
  }

  @Test
  @Timeout(value = 2, unit = TimeUnit.MINUTES)
  void anInterruptEndsTheDecoderAndEveryWorker() throws Exception {
    long seed = 0x1A7E22L;
    System.out.println("SplitReplayTest seed " + seed);
    SplittableRandom random = new SplittableRandom(seed);
    Path trace = writeBt9(folder.resolve("t.bt9.trace"), branches(random, 60_000, 70_000),
        Compression.NONE);
    CountDownLatch entered = new CountDownLatch(1);
    AtomicBoolean sawInterrupt = new AtomicBoolean();
    BranchPredictor stuck = new Counting(null) {
      @Override
      public void update(long pc, long target, BranchKind kind, boolean taken) {
        entered.countDown();
        try {
          new CountDownLatch(1).await();
        } catch (InterruptedException e) {
          sawInterrupt.set(true);
          Thread.currentThread().interrupt();
        }
      }
    };
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    AtomicBoolean stillInterrupted = new AtomicBoolean();
    Thread replay = new Thread(() -> {
      try {
        new Replay(trace, "interrupted-trace", null, ReplayOptions.WHOLE_TRACE).spreadOver(2)
            .poolOf(2).run(List.of("fast", "stuck"), List.of(new Counting(null), stuck));
      } catch (Throwable e) {
        thrown.set(e);
      }
      stillInterrupted.set(Thread.currentThread().isInterrupted());
    }, "replay-under-test");
    replay.start();
    entered.await();
    replay.interrupt();
    replay.join();
    Throwable error = thrown.get();
    assertTrue(error instanceof InterruptedIOException
        || error instanceof ClosedByInterruptException, String.valueOf(error));
    assertTrue(sawInterrupt.get(), "the stuck worker was not interrupted");
    assertTrue(stillInterrupted.get(), "the replay's thread lost its interrupt");
    assertNoWorkerLeft("interrupted-trace");
  }

  private static void assertNoWorkerLeft(String traceName) {
    for (Thread thread : Thread.getAllStackTraces().keySet()) {
      assertFalse(thread.getName().startsWith("bpsim-replay")
          && thread.getName().endsWith(" of " + traceName), thread.getName() + " is left");
    }
  }

  @Test
  void perBranchStatisticsAreRefusedWhenSpread() throws IOException {
    Path trace = writeBt9(folder.resolve("t.bt9.trace"),
        branches(new SplittableRandom(1), 1, 100), Compression.NONE);
    assertThrows(IllegalArgumentException.class,
        () -> new Replay(trace, "t", null, ReplayOptions.WHOLE_TRACE).spreadOver(2)
            .run(List.of(REGISTRY.resolve("bimodal"), REGISTRY.resolve("gshare")), REGISTRY,
                new BranchStatistics(2), null));
  }
}
