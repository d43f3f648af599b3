package org.bpsim.report;

import java.util.List;

/**
 * What a reader needs to reproduce a report: how it was made, with what, where and when.
 *
 * @param commandLine the bpsim command as typed
 * @param version bpsim's version
 * @param machine operating system, architecture, cores and Java runtime
 * @param date when the report was made (ISO-8601, UTC); only the HTML page shows it
 * @param checksums the inputs' SHA-256, in the order they were given
 */
public record Provenance(String commandLine, String version, String machine, String date,
    List<TraceChecksum> checksums) {

  public Provenance {
    checksums = List.copyOf(checksums);
  }

  /** The provenance of a report made now, on this machine, by this bpsim. */
  public static Provenance now(String commandLine, String version,
      List<TraceChecksum> checksums) {
    return new Provenance(commandLine, version, thisMachine(),
        java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString(),
        checksums);
  }

  /** The machine this JVM runs on, as one line. */
  public static String thisMachine() {
    return System.getProperty("os.name") + " " + System.getProperty("os.version") + ", "
        + System.getProperty("os.arch") + ", " + Runtime.getRuntime().availableProcessors()
        + " cores, Java " + System.getProperty("java.version") + " ("
        + System.getProperty("java.vm.name") + ")";
  }
}
