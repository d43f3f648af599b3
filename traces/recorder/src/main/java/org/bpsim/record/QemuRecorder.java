package org.bpsim.record;

import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bpsim.output.AtomicFiles;
import org.bpsim.output.PendingFile;
import org.bpsim.error.UserException;
import org.bpsim.trace.champsim.ChampSimRecordWriter;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZOutputStream;

/**
 * Records a Linux x86-64 program into an xz-compressed ChampSim trace by running it under QEMU
 * user-mode emulation with bpsim's plugin. The plugin streams through a named pipe, so neither the
 * disk nor the heap holds more than the compressed trace and a buffer.
 */
public final class QemuRecorder {
  /** The emulator; {@code $BPSIM_QEMU} overrides it. */
  static final String DEFAULT_QEMU = "qemu-x86_64";

  /**
   * xz preset. Instruction records are so repetitive that the presets from 4 up (binary-tree match
   * finder) take 20 times longer than 3 (hash chains) for 4% less size.
   */
  static final int XZ_PRESET = 3;

  /** The whole environment of a program recorded with a clean environment. */
  public static final Map<String, String> CLEAN_ENVIRONMENT =
      Map.of("PATH", "/usr/local/bin:/usr/bin:/bin", "LC_ALL", "C");

  /** The outcome of a recording. */
  public record Recording(RecordingSummary summary, int exitStatus) {
  }

  private QemuRecorder() {
  }

  /** The emulator to run, or a user error saying how to install it. */
  public static Path qemu() {
    String override = System.getenv("BPSIM_QEMU");
    String name = override == null || override.isBlank() ? DEFAULT_QEMU : override.strip();
    Path qemu = Executables.find(name);
    if (qemu == null) {
      throw new UserException(name + " not found: install QEMU user-mode emulation "
          + "(Debian: apt-get install qemu-user) or set BPSIM_QEMU");
    }
    return qemu;
  }

  /**
   * Runs {@code command} and records it into {@code output}, which appears only once complete.
   *
   * @param skip instructions executed before recording starts
   * @param maxInstructions instructions to record at most (Long.MAX_VALUE: until the program ends)
   * @param programOutput where the program's standard output and error go
   * @param cleanEnvironment run the program with {@link #CLEAN_ENVIRONMENT} only instead of
   *     bpsim's environment: the environment sits on the program's stack, so its size moves the
   *     addresses the trace records
   * @param extraEnvironment variables set for the program on top of either environment (a hash
   *     seed, say, for interpreters that randomise their hash tables)
   */
  public static Recording record(Path output, long skip, long maxInstructions,
      List<String> command, Redirect programOutput, boolean cleanEnvironment,
      Map<String, String> extraEnvironment) throws IOException, InterruptedException {
    if (command.isEmpty()) {
      throw new UserException("no program to record");
    }
    Path program = Executables.find(command.get(0));
    if (program == null) {
      boolean exists = command.get(0).contains("/") && Files.exists(Path.of(command.get(0)));
      throw new UserException(command.get(0) + (exists ? ": not an executable file"
          : ": no such program"));
    }
    Path qemu = qemu();
    Path plugin = QemuPlugin.build();
    Path absolute = output.toAbsolutePath();
    Path directory = absolute.getParent();
    if (directory != null && !Files.isDirectory(directory)) {
      throw new UserException(output + ": the output's folder does not exist");
    }
    Path work = Files.createTempDirectory("bpsim-record");
    Path fifo = work.resolve("plugin.pipe");
    // The trace goes to a temporary file beside the output, renamed over it once complete.
    PendingFile pending = AtomicFiles.begin(output);
    ExecutorService reader = Executors.newSingleThreadExecutor(runnable -> {
      Thread thread = new Thread(runnable, "bpsim-record-reader");
      thread.setDaemon(true);
      return thread;
    });
    Process[] running = new Process[1];
    // Interrupted (Ctrl-C), bpsim still stops the program and leaves no partial file behind.
    Thread cleanup = new Thread(() -> {
      Process started = running[0];
      if (started != null) {
        started.destroyForcibly();
      }
      try {
        // The temporary output is deleted by Temporaries' own hook.
        Files.deleteIfExists(fifo);
        Files.deleteIfExists(work);
      } catch (IOException e) {
        // Exiting anyway: nothing more can be done.
      }
    }, "bpsim-record-cleanup");
    Runtime.getRuntime().addShutdownHook(cleanup);
    Process process = null;
    try {
      makeFifo(fifo);
      List<String> qemuCommand = new ArrayList<>();
      qemuCommand.add(qemu.toString());
      qemuCommand.add("-plugin");
      qemuCommand.add(plugin + ",out=" + fifo + ",skip=" + skip
          + (maxInstructions == Long.MAX_VALUE ? "" : ",max=" + maxInstructions));
      qemuCommand.add(program.toString());
      qemuCommand.addAll(command.subList(1, command.size()));

      AtomicBoolean opened = new AtomicBoolean();
      Future<RecordingSummary> conversion = reader.submit(() -> {
        try (InputStream in = new FileInputStream(fifo.toFile())) {
          opened.set(true);
          try (ChampSimRecordWriter writer = new ChampSimRecordWriter(new XZOutputStream(
              pending.open(), new LZMA2Options(XZ_PRESET)))) {
            return new PluginStreamConverter(in, writer, maxInstructions).convert();
          }
        }
      });
      ProcessBuilder builder = new ProcessBuilder(qemuCommand).redirectInput(Redirect.INHERIT)
          .redirectOutput(programOutput).redirectError(programOutput);
      if (cleanEnvironment) {
        builder.environment().clear();
        builder.environment().putAll(CLEAN_ENVIRONMENT);
      }
      builder.environment().putAll(extraEnvironment);
      process = builder.start();
      running[0] = process;
      int status = process.waitFor();
      if (!opened.get()) {
        // The plugin never opened the pipe (QEMU failed first): open it ourselves so the reader
        // sees an empty stream instead of waiting for ever.
        new FileOutputStream(fifo.toFile()).close();
      }
      RecordingSummary summary;
      try {
        summary = conversion.get();
      } catch (ExecutionException e) {
        if (e.getCause() instanceof IOException && !opened.get() || isEmptyStream(e)) {
          throw new UserException(qemu.getFileName() + " exited with status " + status
              + " before recording anything: is " + command.get(0)
              + " a Linux x86-64 program, and does this QEMU load plugins of API version 1 "
              + "(QEMU 7, as in Debian 12)? See its own message, if any, above");
        }
        if (e.getCause() instanceof IOException) {
          throw new UserException("recording " + command.get(0) + " failed: "
              + e.getCause().getMessage() + " (" + qemu.getFileName() + " exited with status "
              + status + ")");
        }
        throw new IllegalStateException(e.getCause());
      }
      if (summary.instructions() == 0) {
        throw new UserException(command.get(0) + " ended after " + summary.executed()
            + " instructions, before the " + skip + " to skip: nothing recorded");
      }
      pending.commit();
      return new Recording(summary, status);
    } finally {
      Runtime.getRuntime().removeShutdownHook(cleanup);
      if (process != null && process.isAlive()) {
        process.destroyForcibly();
        process.waitFor();
      }
      reader.shutdownNow();
      pending.close();
      Files.deleteIfExists(fifo);
      Files.deleteIfExists(work);
    }
  }

  private static boolean isEmptyStream(ExecutionException e) {
    Throwable cause = e.getCause();
    return cause instanceof IOException && cause.getMessage() != null
        && cause.getMessage().contains("does not start with its header");
  }

  private static void makeFifo(Path fifo) throws IOException, InterruptedException {
    Process mkfifo = new ProcessBuilder("mkfifo", "-m", "600", fifo.toString())
        .redirectErrorStream(true).start();
    String message = new String(mkfifo.getInputStream().readAllBytes()).strip();
    if (mkfifo.waitFor() != 0) {
      throw new IOException("mkfifo " + fifo + " failed: " + message);
    }
  }
}
