/**
 * The predictor families bpsim knows, by name
 * ({@link org.bpsim.predictor.registry.PredictorRegistry}): the built-ins, found with
 * {@link java.util.ServiceLoader} on bpsim's class path, and plugins from jars
 * ({@link org.bpsim.predictor.registry.PluginJars}), each in a class loader that shows it only the
 * JDK and the SPI ({@link org.bpsim.predictor.registry.SpiOnlyClassLoader}). It turns spec strings
 * into configured predictors, and keeps an unusable plugin as a
 * {@link org.bpsim.predictor.registry.PluginFailure} instead of stopping bpsim.
 *
 * <p>May use: the predictor SPI and the JDK; no predictor family (families are found, not named).
 */
package org.bpsim.predictor.registry;
