/**
 * ChampSim's instruction traces: 64-byte records with registers and memory addresses but no opcode,
 * so a branch's kind comes from ChampSim's register rule
 * ({@link org.bpsim.trace.champsim.ChampSimBranchKinds}). Read as branches
 * ({@link org.bpsim.trace.champsim.ChampSimReader}) or as an instruction stream
 * ({@link org.bpsim.trace.champsim.ChampSimInstructionStream}); written from branches
 * ({@link org.bpsim.trace.champsim.ChampSimTraceWriter}) or record by record
 * ({@link org.bpsim.trace.champsim.ChampSimRecordWriter}, which {@code bpsim record} uses).
 *
 * <p>May use: the trace model ({@code org.bpsim.trace}), the predictor SPI and the JDK.
 */
package org.bpsim.trace.champsim;
