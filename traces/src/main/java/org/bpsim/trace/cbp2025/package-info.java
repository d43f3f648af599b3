/**
 * The CBP-2025 kit's instruction traces, one variable-length record per instruction, decoded
 * without allocation ({@link org.bpsim.trace.cbp2025.Cbp2025Decoder}) and seen three ways: as
 * branches ({@link org.bpsim.trace.cbp2025.Cbp2025Reader}), as an instruction stream, split into
 * the kit's micro-ops when asked ({@link org.bpsim.trace.cbp2025.Cbp2025InstructionStream},
 * {@link org.bpsim.trace.cbp2025.Cbp2025MicroOps}), and as data accesses
 * ({@link org.bpsim.trace.cbp2025.Cbp2025DataAccessReader}).
 *
 * <p>May use: the trace model ({@code org.bpsim.trace}), the data-access model
 * ({@code org.bpsim.trace.memory}), the predictor SPI and the JDK.
 */
package org.bpsim.trace.cbp2025;
