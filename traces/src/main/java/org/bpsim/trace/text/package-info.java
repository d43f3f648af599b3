/**
 * Text traces, one branch a line: the CBP-1 set's two columns (address, taken) and the seven-column
 * variant that names every kind ({@link org.bpsim.trace.text.TextTraceReader},
 * {@link org.bpsim.trace.text.TextTraceWriter}), parsed in place with no allocation per line.
 *
 * <p>May use: the trace model ({@code org.bpsim.trace}), the predictor SPI and the JDK.
 */
package org.bpsim.trace.text;
