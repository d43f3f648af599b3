package org.bpsim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens a report the way a user does, in a real browser (headless Chromium), and checks that it
 * loads without a single console message (the page has no script, so any message is an error or
 * a blocked network request) and that its charts are there.
 */
final class ReportPageRendersInChromiumTest {
  private static final List<String> BROWSERS = List.of("chromium", "chromium-browser",
      "google-chrome");

  @TempDir
  static Path dir;

  private static String browser;
  private static Path report;

  @BeforeAll
  static void writeReport() throws IOException {
    browser = findBrowser();
    Assumptions.assumeTrue(browser != null,
        "SKIPPED: headless Chromium not installed (apt-get install chromium); "
            + "the report page was not checked in a browser");
    report = dir.resolve("report");
    ReportFolder.write(report, ReportFiles.of(SampleComparisons.withHostileNames()));
  }

  @Test
  void pageLoadsWithoutErrorsAndShowsEveryChart() throws Exception {
    Result result = chromium("--dump-dom", "--enable-logging=stderr", "--v=0",
        report.resolve("index.html").toUri().toString());
    assertEquals(0, result.exit, result.stderr);
    List<String> console = new ArrayList<>();
    for (String line : result.stderr.split("\n")) {
      if (line.contains(":CONSOLE")) {
        console.add(line);
      }
    }
    assertEquals(List.of(), console, "the page logged to the console");
    String dom = result.stdout;
    assertTrue(dom.contains("Branch predictor comparison"), "page did not render: " + dom);
    for (String chart : new String[] {"mpki", "accuracy", "storage", "ipc", "cpi-stack",
        "llc-ipc"}) {
      Matcher svg = Pattern.compile("<svg[^>]*id=\"" + chart + "\"").matcher(dom);
      assertTrue(svg.find(), chart + " chart missing from the rendered page");
    }
    assertFalse(dom.contains("<script"), "a name became a script element in the DOM");
    assertTrue(dom.contains("&lt;script&gt;&amp;\""), "hostile trace name not shown as text");
  }

  @Test
  void screenshotHasContent() throws Exception {
    Path png = dir.resolve("page.png");
    Result result = chromium("--screenshot=" + png, "--window-size=1280,2000",
        "--hide-scrollbars", report.resolve("index.html").toUri().toString());
    assertEquals(0, result.exit, result.stderr);
    byte[] bytes = Files.readAllBytes(png);
    assertTrue(bytes.length > 20_000, "screenshot suspiciously small: " + bytes.length);
    assertEquals((byte) 0x89, bytes[0]);
    assertEquals('P', bytes[1]);
  }

  private record Result(int exit, String stdout, String stderr) {
  }

  private static Result chromium(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(browser, "--headless", "--no-sandbox",
        "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
        "--user-data-dir=" + Files.createTempDirectory(dir, "profile")));
    command.addAll(List.of(args));
    Path out = Files.createTempFile(dir, "out", ".txt");
    Path err = Files.createTempFile(dir, "err", ".txt");
    Process process = new ProcessBuilder(command).redirectOutput(out.toFile())
        .redirectError(err.toFile()).start();
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("chromium did not finish within 120 s: " + command);
    }
    return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  private static String findBrowser() {
    String path = System.getenv("PATH");
    if (path == null) {
      return null;
    }
    for (String name : BROWSERS) {
      for (String folder : path.split(java.io.File.pathSeparator)) {
        Path candidate = Path.of(folder, name);
        if (Files.isExecutable(candidate)) {
          return candidate.toString();
        }
      }
    }
    return null;
  }
}
