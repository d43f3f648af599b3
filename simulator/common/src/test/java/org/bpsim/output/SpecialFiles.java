package org.bpsim.output;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * Device nodes and FIFOs made in a test's own folder (never the system's {@code /dev}), with
 * {@code mknod} and {@code mkfifo}; a test that cannot make them is skipped, saying why.
 */
public final class SpecialFiles {
  /** Linux's memory devices: 1,3 is null (swallows everything), 1,7 is full (ENOSPC). */
  public static final String NULL = "3";
  public static final String FULL = "7";

  private SpecialFiles() {
  }

  /** A character device node {@code 1,minor} at {@code path}, or the test is skipped. */
  public static Path characterDevice(Path path, String minor) throws IOException,
      InterruptedException {
    run("mknod", path.toString(), "c", "1", minor);
    return path;
  }

  /** A FIFO at {@code path}, or the test is skipped. */
  public static Path fifo(Path path) throws IOException, InterruptedException {
    run("mkfifo", path.toString());
    return path;
  }

  /** The file type bits of {@code path} (not following a link): 0020000 for a device. */
  public static int type(Path path) throws IOException {
    return (Integer) Files.getAttribute(path, "unix:mode",
        java.nio.file.LinkOption.NOFOLLOW_LINKS) & 0170000;
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
