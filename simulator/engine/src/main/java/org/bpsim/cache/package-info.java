/**
 * The cache model: set-associative caches ({@link org.bpsim.cache.Cache}) chained into a
 * write-back, write-allocate hierarchy with an inclusion policy for its last level
 * ({@link org.bpsim.cache.CacheHierarchy}, {@link org.bpsim.cache.HierarchyConfig},
 * {@link org.bpsim.cache.CacheConfig}, {@link org.bpsim.cache.Inclusion}), configured from a
 * machine file's {@code "caches"} ({@link org.bpsim.cache.HierarchyJson}); a cache-only run over a
 * trace's data accesses ({@link org.bpsim.cache.CacheRun}), replayed again when a policy needs the
 * future ({@link org.bpsim.cache.RecordingPolicy}); and what each level saw
 * ({@link org.bpsim.cache.CacheStats}).
 *
 * <p>May use: the data-access traces ({@code org.bpsim.trace.memory}), the replacement policies
 * ({@code org.bpsim.cache.replacement}, and {@code org.bpsim.cache.replacement.optimal} for the
 * oracle's recording pass), {@code org.bpsim.error}, the JDK and Jackson; never a renderer
 * ({@code org.bpsim.cache.report}) or the command line.
 */
package org.bpsim.cache;
