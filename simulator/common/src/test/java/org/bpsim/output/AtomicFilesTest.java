package org.bpsim.output;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class AtomicFilesTest {
  private static final int CHARACTER_DEVICE = 0020000;
  private static final int FIFO = 0010000;

  @TempDir
  Path dir;

  private List<String> entries() throws IOException {
    try (Stream<Path> list = Files.list(dir)) {
      return list.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void writesANewFileAndReplacesAnOldOneLeavingNoTemporary() throws IOException {
    Path target = dir.resolve("out.txt");
    AtomicFiles.write(target, "first\n");
    assertEquals("first\n", Files.readString(target));
    AtomicFiles.write(target, "second\n");
    assertEquals("second\n", Files.readString(target));
    assertEquals(List.of("out.txt"), entries());
  }

  @Test
  void keepsThePermissionsOfTheFileItReplaces() throws IOException {
    Path target = Files.writeString(dir.resolve("private.txt"), "old");
    Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-------"));
    AtomicFiles.write(target, "new");
    assertEquals("rw-------",
        PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
    Path fresh = dir.resolve("fresh.txt");
    AtomicFiles.write(fresh, "new");
    assertEquals("rw-r--r--",
        PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh)));
  }

  @Test
  void aFailedWriteLeavesTheOldFileAndNoTemporary() throws IOException {
    Path target = Files.writeString(dir.resolve("out.txt"), "old");
    assertThrows(IOException.class, () -> AtomicFiles.write(target, out -> {
      out.write("half".getBytes(StandardCharsets.UTF_8));
      throw new IOException("the input broke");
    }));
    assertEquals("old", Files.readString(target));
    assertEquals(List.of("out.txt"), entries());
  }

  @Test
  void writesACharacterDeviceDirectlyAndLeavesItADevice() throws Exception {
    Path device = SpecialFiles.characterDevice(dir.resolve("null"), SpecialFiles.NULL);
    AtomicFiles.write(device, "swallowed\n");
    assertEquals(CHARACTER_DEVICE, SpecialFiles.type(device), "the device became a file");
    assertEquals(List.of("null"), entries());
  }

  @Test
  void aFullDeviceIsAWriteErrorNamingTheOutput() throws Exception {
    Path device = SpecialFiles.characterDevice(dir.resolve("full"), SpecialFiles.FULL);
    OutputWriteException e = assertThrows(OutputWriteException.class,
        () -> AtomicFiles.write(device, "x".repeat(1 << 17)));
    assertTrue(e.getMessage().contains(device.toString()), e.getMessage());
    assertEquals(CHARACTER_DEVICE, SpecialFiles.type(device));
  }

  @Test
  void writesAFifoDirectlyToItsReader() throws Exception {
    Path fifo = SpecialFiles.fifo(dir.resolve("pipe"));
    CompletableFuture<byte[]> read = CompletableFuture.supplyAsync(() -> {
      try (InputStream in = Files.newInputStream(fifo)) {
        return in.readAllBytes();
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    AtomicFiles.write(fifo, "through the pipe\n");
    assertArrayEquals("through the pipe\n".getBytes(StandardCharsets.UTF_8), read.get());
    assertEquals(FIFO, SpecialFiles.type(fifo), "the FIFO became a file");
    assertEquals(List.of("pipe"), entries());
  }

  @Test
  void writesThroughASymbolicLinkToItsTargetAndKeepsTheLink() throws IOException {
    Path elsewhere = Files.createDirectory(dir.resolve("elsewhere"));
    Path target = Files.writeString(elsewhere.resolve("results.csv"), "old");
    Path link = Files.createSymbolicLink(dir.resolve("link.csv"), Path.of("elsewhere/results.csv"));
    AtomicFiles.write(link, "new");
    assertTrue(Files.isSymbolicLink(link), "the link was replaced");
    assertEquals("new", Files.readString(target));
    try (Stream<Path> list = Files.list(elsewhere)) {
      assertEquals(List.of("results.csv"),
          list.map(p -> p.getFileName().toString()).toList(), "temporary left beside target");
    }
  }

  @Test
  void aDanglingLinkCreatesItsTarget() throws IOException {
    Path link = Files.createSymbolicLink(dir.resolve("link.csv"), Path.of("made.csv"));
    AtomicFiles.write(link, "new");
    assertTrue(Files.isSymbolicLink(link));
    assertEquals("new", Files.readString(dir.resolve("made.csv")));
  }

  @Test
  void refusesAFolderAndLeavesItAlone() throws IOException {
    Path folder = Files.createDirectory(dir.resolve("folder"));
    Files.writeString(folder.resolve("keep.txt"), "keep");
    OutputTargetException e = assertThrows(OutputTargetException.class,
        () -> AtomicFiles.write(folder, "x"));
    assertTrue(e.getMessage().contains("is a folder"), e.getMessage());
    assertThrows(OutputTargetException.class, () -> AtomicFiles.checkTarget(folder));
    assertEquals("keep", Files.readString(folder.resolve("keep.txt")));
    assertEquals(List.of("folder"), entries());
  }

  @Test
  void refusesAnInputAsOutputAlsoThroughLinks() throws IOException {
    Path input = Files.writeString(dir.resolve("trace.txt"), "10 1\n");
    Path symbolic = Files.createSymbolicLink(dir.resolve("symbolic.bpt"), input);
    Path hard = Files.createLink(dir.resolve("hard.bpt"), input);
    for (Path output : List.of(input, symbolic, hard)) {
      OutputTargetException e = assertThrows(OutputTargetException.class,
          () -> AtomicFiles.refuseInput(output, input), output.toString());
      assertTrue(e.getMessage().contains("is the input"), e.getMessage());
    }
    AtomicFiles.refuseInput(dir.resolve("other.bpt"), input);
    Files.writeString(dir.resolve("other.bpt"), "x");
    AtomicFiles.refuseInput(dir.resolve("other.bpt"), input);
  }

  @Test
  void removesStaleTemporariesOfProcessesThatAreGoneAndKeepsTheRest() throws Exception {
    Process gone = new ProcessBuilder("true").start();
    gone.waitFor();
    Path stale = Files.writeString(dir.resolve(".out.txt" + Temporaries.MARK + gone.pid()
        + "-0"), "partial");
    Path staleFolder = Files.createDirectory(dir.resolve(".report" + Temporaries.MARK
        + gone.pid() + "-3"));
    Files.writeString(staleFolder.resolve("index.html"), "partial");
    // Process 1 (init) is always running: its temporary may still be in use.
    Path running = Files.writeString(dir.resolve(".out.txt" + Temporaries.MARK + "1-0"), "x");
    Path usersFile = Files.writeString(dir.resolve(".out.txt.tmp"), "not bpsim's");
    AtomicFiles.write(dir.resolve("out.txt"), "done");
    assertFalse(Files.exists(stale), "stale temporary kept");
    assertFalse(Files.exists(staleFolder), "stale temporary folder kept");
    assertTrue(Files.exists(running));
    assertTrue(Files.exists(usersFile));
  }

  @Test
  void createsAFolderWholeAndLeavesNothingWhenItsContentFails() throws IOException {
    Path report = dir.resolve("report");
    AtomicFiles.createFolder(report, folder -> {
      // Nobody sees the folder being filled: its final name does not exist yet.
      assertFalse(Files.exists(report));
      Files.writeString(folder.resolve("index.html"), "page");
    });
    assertEquals("page", Files.readString(report.resolve("index.html")));
    assertEquals(List.of("report"), entries());

    Path failed = dir.resolve("failed");
    IOException e = assertThrows(IOException.class, () -> AtomicFiles.createFolder(failed,
        folder -> {
          Files.writeString(folder.resolve("half.html"), "half");
          throw new IOException("the chart broke");
        }));
    assertEquals("the chart broke", e.getMessage());
    assertEquals(List.of("report"), entries());
  }
}
