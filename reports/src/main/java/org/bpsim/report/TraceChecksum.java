package org.bpsim.report;

/** The SHA-256 of an input file, so that a reader can tell whether they hold the same bytes. */
public record TraceChecksum(String trace, String sha256) {
}
