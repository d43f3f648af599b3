package org.bpsim.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * Device nodes and FIFOs made in a test's own folder (never the system's {@code /dev}) with
 * {@code mknod} and {@code mkfifo}, and bpsim run as a child JVM for what only a real process
 * shows (its standard output, signals). A test that cannot make a node is skipped, saying why.
 */
final class SpecialFiles {
  /** Linux's memory devices: 1,3 is null (swallows everything), 1,7 is full (ENOSPC). */
  static final String NULL = "3";
  static final String FULL = "7";
  static final int CHARACTER_DEVICE = 0020000;

  private SpecialFiles() {
  }

  static Path characterDevice(Path path, String minor) throws InterruptedException {
    run("mknod", path.toString(), "c", "1", minor);
    return path;
  }

  static Path fifo(Path path) throws InterruptedException {
    run("mkfifo", path.toString());
    return path;
  }

  /** The file type bits of {@code path}, not following a link. */
  static int type(Path path) throws IOException {
    return (Integer) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS) & 0170000;
  }

  /** {@code bpsim ARGS} in a new JVM on this test's class path. */
  static ProcessBuilder bpsim(String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(Main.class.getName());
    command.addAll(List.of(args));
    return new ProcessBuilder(command);
  }

  private static void run(String... command) throws InterruptedException {
    int status;
    String message;
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      message = new String(process.getInputStream().readAllBytes()).strip();
      status = process.waitFor();
    } catch (IOException e) {
      status = -1;
      message = e.getMessage();
    }
    Assumptions.assumeTrue(status == 0, "skipped: cannot run '" + String.join(" ", command)
        + "' here (" + message + ")");
  }
}
