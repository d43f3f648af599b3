/**
 * The traces of the CBP-2 contest kit (Jiménez): branch records shrunk to one byte where the kit's
 * recent-branch table ({@link org.bpsim.trace.cbp2.RecentBranchTable}) and return stack
 * ({@link org.bpsim.trace.cbp2.ReturnStack}) predict them, which the decoder mirrors quirk for
 * quirk. {@link org.bpsim.trace.cbp2.Cbp2Framing} splits the byte stream into records;
 * {@link org.bpsim.trace.cbp2.Cbp2Reader} decodes them.
 *
 * <p>May use: the trace model ({@code org.bpsim.trace}), the predictor SPI and the JDK.
 */
package org.bpsim.trace.cbp2;
