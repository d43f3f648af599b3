/**
 * Belady's optimal replacement ({@code optimal}): the victim is the line requested furthest in the
 * future, which the cache run records in a first pass. Implemented by
 * {@link org.bpsim.cache.replacement.optimal.OptimalPolicy} and registered by
 * {@link org.bpsim.cache.replacement.optimal.OptimalProvider}.
 *
 * <p>May use: {@code org.bpsim.cache.replacement}, LRU ({@code org.bpsim.cache.replacement.lru}),
 * which stands in while the future is recorded, and the JDK.
 */
package org.bpsim.cache.replacement.optimal;
