/**
 * Renderers of the cache model's results ({@code bpsim cache}): the text layout of the course
 * cache simulator whose reference outputs bpsim reproduces byte for byte, and the JSON document.
 *
 * <p>May use: the cache model ({@code org.bpsim.cache}), {@code org.bpsim.report}'s JSON text and
 * the JDK; never the command line.
 */
package org.bpsim.cache.report;
