/**
 * Least recently used ({@code lru}), also the optimal policy's stand-in while its future is
 * recorded. Implemented by {@link org.bpsim.cache.replacement.lru.LruPolicy} and registered by
 * {@link org.bpsim.cache.replacement.lru.LruProvider}.
 *
 * <p>May use: {@code org.bpsim.cache.replacement} and the JDK.
 */
package org.bpsim.cache.replacement.lru;
