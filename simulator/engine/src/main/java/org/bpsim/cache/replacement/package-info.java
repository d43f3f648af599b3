/**
 * Cache replacement as plugins: what a policy is
 * ({@link org.bpsim.cache.replacement.ReplacementPolicy}), what it is built for
 * ({@link org.bpsim.cache.replacement.ReplacementContext}), and its provider, found with
 * {@link java.util.ServiceLoader} as predictors are
 * ({@link org.bpsim.cache.replacement.ReplacementPolicyProvider}); the policies on the class path
 * by name, and the parsing of policy specs
 * ({@link org.bpsim.cache.replacement.ReplacementPolicies}).
 *
 * <p>May use: the JDK and the predictor SPI, whose {@code Parameter} and {@code PredictorSpec} it
 * borrows today for its keys and specs (issue 12 gives both a shared spec grammar).
 */
package org.bpsim.cache.replacement;
