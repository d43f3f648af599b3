/**
 * bpsim's own branch trace format, {@code .bpt}: compact, cut into chunks that decode
 * independently, each checksummed ({@link org.bpsim.trace.bpt.BptLayout} documents the bytes;
 * {@link org.bpsim.trace.bpt.BptChunkCodec} encodes a chunk; {@link org.bpsim.trace.bpt.BptReader}
 * and {@link org.bpsim.trace.bpt.BptWriter} read and write a file). {@code bpsim convert} writes it
 * from any other format.
 *
 * <p>May use: the trace model ({@code org.bpsim.trace}), the predictor SPI and the JDK; today also
 * {@code Bt9Reader.disagrees} of {@code org.bpsim.trace.bt9}, for the same instruction-count check.
 */
package org.bpsim.trace.bpt;
