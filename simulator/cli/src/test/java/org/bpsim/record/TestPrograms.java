package org.bpsim.record;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * The small freestanding C programs of the recording tests ({@code programs/}): copied into a
 * work folder and built without libc, so their branch counts are exactly those of their source.
 * Tests that need them skip, saying why, where gcc or qemu-x86_64 is missing.
 */
final class TestPrograms {
  private TestPrograms() {
  }

  /** Skips the calling test class unless gcc and qemu-x86_64 are installed. */
  static void assumeGccAndQemu() {
    Assumptions.assumeTrue(Executables.find("gcc") != null,
        "skipped: gcc is not installed, so the test programs cannot be built");
    Assumptions.assumeTrue(Executables.find(QemuRecorder.DEFAULT_QEMU) != null,
        "skipped: qemu-x86_64 is not installed (Debian: apt-get install qemu-user; .ci/run "
            + "installs it)");
  }

  /** Copies the named sources (and headers) into {@code work}. */
  static void copy(Path work, String... names) throws IOException {
    for (String name : names) {
      try (InputStream in = TestPrograms.class.getResourceAsStream("programs/" + name)) {
        Files.write(work.resolve(name), in.readAllBytes());
      }
    }
  }

  /** Builds {@code work/name.c} into {@code work/name} at the given -O level, once. */
  static Path compile(Path work, String name, String optimisation)
      throws IOException, InterruptedException {
    Path binary = work.resolve(name);
    if (Files.exists(binary)) {
      return binary;
    }
    Process gcc = new ProcessBuilder("gcc", optimisation, "-static", "-nostdlib", "-fno-pie",
        "-no-pie", "-fcf-protection=none", "-fno-stack-protector",
        "-fno-asynchronous-unwind-tables", "-o", binary.toString(),
        work.resolve(name + ".c").toString())
        .redirectErrorStream(true).start();
    String log = new String(gcc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, gcc.waitFor(), "gcc failed: " + log);
    return binary;
  }
}
