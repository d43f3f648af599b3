package org.bpsim.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** A stream of unknown size (a pipe, /dev/zero) shows that it is being read, not a stuck bar. */
final class ProgressDisplayStreamTest {
  @Test
  void aStreamOfUnknownSizeShowsWhatWasRead() {
    StringWriter text = new StringWriter();
    try (ProgressDisplay progress = new ProgressDisplay(new PrintWriter(text), true, 1, 0,
        true)) {
      progress.replayed(123_456);
    }
    String shown = text.toString();
    assertTrue(shown.contains("reading: 123,456 branches so far"), shown);
    assertTrue(shown.contains("0/1 traces done (size unknown"), shown);
    assertFalse(shown.contains("ETA"), shown);
  }

  @Test
  void aFileOfKnownSizeKeepsItsBar() {
    StringWriter text = new StringWriter();
    try (ProgressDisplay progress = new ProgressDisplay(new PrintWriter(text), true, 1, 1000)) {
      progress.replayed(10);
    }
    assertTrue(text.toString().contains("ETA"), text.toString());
  }
}
