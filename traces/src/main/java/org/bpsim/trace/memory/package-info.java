/**
 * Data-access traces for the cache model: loads and stores in program order, a reusable batch at a
 * time ({@link org.bpsim.trace.memory.DataAccessReader},
 * {@link org.bpsim.trace.memory.DataAccessBatch}), from the course projects' plain
 * {@code r|w address} format ({@link org.bpsim.trace.memory.PlainMemoryTraceReader}) or from any
 * instruction stream ({@link org.bpsim.trace.memory.InstructionStreamAccesses});
 * {@link org.bpsim.trace.memory.MemoryTraces} opens a file of either kind.
 *
 * <p>May use: the trace model ({@code org.bpsim.trace}) and the JDK. Today {@code MemoryTraces}
 * also constructs the CBP-2025 and ChampSim readers, a package cycle with
 * {@code org.bpsim.trace.cbp2025} that the dependency test reports.
 */
package org.bpsim.trace.memory;
