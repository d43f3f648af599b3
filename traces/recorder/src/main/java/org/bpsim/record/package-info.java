/**
 * {@code bpsim record}'s recorder: runs a Linux x86-64 program under QEMU user-mode emulation with
 * bpsim's plugin ({@link org.bpsim.record.QemuRecorder}; {@link org.bpsim.record.QemuPlugin} builds
 * the plugin from the C source kept as a resource here) and turns the plugin's stream into an
 * xz-compressed ChampSim trace ({@link org.bpsim.record.PluginStreamConverter}). The x86 side:
 * control-transfer kinds from the opcode ({@link org.bpsim.record.X86ControlTransfers}) and the
 * registers read and written from the disassembly ({@link org.bpsim.record.X86Disassembly},
 * {@link org.bpsim.record.X86Registers}). It produces traces, so it sits with them.
 *
 * <p>May use: the ChampSim format's record writer ({@code org.bpsim.trace.champsim}), the predictor
 * SPI ({@code BranchKind}), {@code org.bpsim.error}, {@code org.bpsim.output} and the JDK.
 */
package org.bpsim.record;
