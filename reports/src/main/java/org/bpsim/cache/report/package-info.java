/**
 * Renderers of the cache model's results ({@code bpsim cache}): the text layout of the course
 * cache simulator whose reference outputs bpsim reproduces byte for byte.
 *
 * <p>May use: the cache model ({@code org.bpsim.cache}) and the JDK; never the command line.
 */
package org.bpsim.cache.report;
