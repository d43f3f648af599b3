package org.bpsim.pipeline;

/** One core's demand traffic at one cache level: its fetches, loads and stores that reached it. */
public record LevelResult(String name, long accesses, long misses, double mpki) {
}
