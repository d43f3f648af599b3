/**
 * A uniformly random victim ({@code random:seed=N}), from a seeded generator so that runs repeat.
 * Implemented by {@link org.bpsim.cache.replacement.random.RandomPolicy} and registered by
 * {@link org.bpsim.cache.replacement.random.RandomProvider}.
 *
 * <p>May use: {@code org.bpsim.cache.replacement}, the SPI's {@code Parameter} for its key and the
 * JDK.
 */
package org.bpsim.cache.replacement.random;
