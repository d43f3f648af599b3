/**
 * Re-reference interval prediction (Jaleel et al., ISCA 2010): {@code srrip}, {@code brrip} and
 * {@code drrip}. Implemented by {@link org.bpsim.cache.replacement.rrip.RripPolicy} and registered
 * by {@link org.bpsim.cache.replacement.rrip.RripProviders}.
 *
 * <p>May use: {@code org.bpsim.cache.replacement}, the SPI's {@code Parameter} for their keys and
 * the JDK.
 */
package org.bpsim.cache.replacement.rrip;
