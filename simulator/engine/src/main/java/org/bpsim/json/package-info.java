/**
 * Strict reading of bpsim's JSON input files, the machine files and the cache hierarchies in them
 * ({@link org.bpsim.json.StrictJson}): a key given twice, a key an object does not have and a key
 * spelled the old way are each refused with one line naming the file and the key, so that a typo
 * never silently leaves a parameter at its default.
 *
 * <p>May use: Jackson and {@code org.bpsim.error}. Used by {@code org.bpsim.machine} and
 * {@code org.bpsim.cache}, which know what their objects hold.
 */
package org.bpsim.json;
