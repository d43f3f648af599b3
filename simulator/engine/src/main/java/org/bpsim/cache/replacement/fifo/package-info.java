/**
 * First in, first out ({@code fifo}): the victim is the line filled longest ago. Implemented by
 * {@link org.bpsim.cache.replacement.fifo.FifoPolicy} and registered by
 * {@link org.bpsim.cache.replacement.fifo.FifoProvider}.
 *
 * <p>May use: {@code org.bpsim.cache.replacement} and the JDK.
 */
package org.bpsim.cache.replacement.fifo;
