/**
 * The CBP-2016 BT9 format: a graph of static branches (nodes) and observed transitions (edges),
 * then the sequence of edges taken. {@link org.bpsim.trace.bt9.Bt9Reader} reads it as the kit does;
 * {@link org.bpsim.trace.bt9.Bt9TraceWriter} writes traces that the kit reads.
 *
 * <p>May use: the trace model ({@code org.bpsim.trace}), the predictor SPI and the JDK.
 */
package org.bpsim.trace.bt9;
