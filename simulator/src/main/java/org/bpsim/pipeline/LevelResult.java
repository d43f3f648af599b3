package org.bpsim.pipeline;

/**
 * One core's demand traffic at one cache level: its fetches, loads and stores that reached it,
 * those that went further, and the dirty lines the level sent down while serving this core.
 */
public record LevelResult(String name, long accesses, long hits, long misses, double mpki,
    long writebacks) {
}
