/**
 * The one exception type for a request that cannot be done as asked (a missing file, a bad value,
 * a refused output): its message is the single line the user sees, with no stack trace, and the
 * command line turns it into exit code 2.
 *
 * <p>May use: the JDK only. Used by every layer above it, so it carries nothing but a message.
 */
package org.bpsim.error;
