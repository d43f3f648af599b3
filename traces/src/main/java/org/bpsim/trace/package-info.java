/**
 * The trace model every reader yields, and the opening of a trace file: branches as a reusable
 * batch of primitive arrays ({@link org.bpsim.trace.BranchBatch}; one branch as a value,
 * {@link org.bpsim.trace.BranchRecord}), streamed by a {@link org.bpsim.trace.TraceReader} and
 * written back by a {@link org.bpsim.trace.TraceWriter}; the full instruction stream of the formats
 * that carry it ({@link org.bpsim.trace.InstructionStream}); decompression recognised from the
 * first bytes ({@link org.bpsim.trace.Compression}, {@link org.bpsim.trace.TraceInput}); format
 * detection from content ({@link org.bpsim.trace.TraceFormat}) and the openers
 * ({@link org.bpsim.trace.Traces}, {@link org.bpsim.trace.InstructionStreams}); and the one error
 * for an unreadable trace ({@link org.bpsim.trace.TraceFormatException}).
 *
 * <p>May use: the predictor SPI ({@code BranchKind}), the JDK, Commons Compress and XZ. Today
 * {@code TraceFormat} and the openers also construct each format's reader, so this package and the
 * format packages depend on each other (a package cycle that the dependency test reports).
 */
package org.bpsim.trace;
