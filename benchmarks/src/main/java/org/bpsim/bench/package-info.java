/**
 * JMH benchmarks: a predictor's own speed on pre-decoded batches
 * ({@link org.bpsim.bench.PredictorBenchmark}), end-to-end replay as {@code bpsim run} does it
 * ({@link org.bpsim.bench.ReplayBenchmark}), each reader's decoding
 * ({@link org.bpsim.bench.TraceReaderBenchmark}, {@link org.bpsim.bench.BptDecodeBenchmark}), the
 * cost of per-branch statistics ({@link org.bpsim.bench.BranchStatisticsBenchmark}) and the timing
 * model ({@link org.bpsim.bench.SimulatorBenchmark}), over real traces
 * ({@link org.bpsim.bench.BenchmarkTraces}).
 *
 * <p>May use: the engines (replay, pipeline, machine), the traces, the predictor registry and the
 * SPI, which it measures directly; nothing of bpsim depends on it.
 */
package org.bpsim.bench;
