/**
 * Machines for the timing model: a core's pipeline ({@link org.bpsim.machine.CoreConfig}), main
 * memory ({@link org.bpsim.machine.MemoryConfig}) and the caches, together a
 * {@link org.bpsim.machine.MachineConfig}, read from a JSON machine file or from the presets
 * shipped as resources beside {@link org.bpsim.machine.Machines} ({@code presets/NAME.json}).
 *
 * <p>May use: the cache model's configuration ({@code org.bpsim.cache}), {@code org.bpsim.error},
 * the JDK and Jackson.
 */
package org.bpsim.machine;
