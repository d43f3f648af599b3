/**
 * The one way bpsim writes an output ({@link org.bpsim.output.AtomicFiles}): a regular file goes to
 * a temporary beside it that is renamed over it ({@link org.bpsim.output.PendingFile}), a device or
 * FIFO is written in place, and any other target is refused
 * ({@link org.bpsim.output.OutputTargetException}, a user error); a write that fails part-way is an
 * {@link org.bpsim.output.OutputWriteException}. bpsim's temporaries are named so that a later run
 * recognises and removes them ({@link org.bpsim.output.Temporaries}).
 *
 * <p>May use: the JDK only. Used by every layer above the predictor SPI.
 */
package org.bpsim.output;
