/**
 * The one grammar of the specs users write for bpsim's plugins, {@code name[:key=value,...]},
 * and the checking of their values against the keys a plugin declares. Every kind of plugin
 * configured from a string uses it (predictors through their registry, cache replacement
 * policies), so the rules (case, whitespace, double quotes around a value holding a comma) and
 * the messages are the same for all; a message names the kind of plugin
 * ({@link org.bpsim.spec.PluginKind}), "predictor 'gshare': ..." or "replacement policy
 * 'srrip': ...".
 *
 * <p>May use: the JDK only. It knows no plugin interface: a kind's own declarations (the predictor
 * SPI's {@code Parameter}) are turned into {@link org.bpsim.spec.SpecKey}s by the host that
 * checks them.
 */
package org.bpsim.spec;
