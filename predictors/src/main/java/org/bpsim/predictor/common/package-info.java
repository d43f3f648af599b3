/**
 * The building blocks several predictor families share, written once: a table of saturating
 * counters and the counter arithmetic of Seznec's code ({@code ctrupdate}), the folded
 * (compressed) views of a global history that TAGE and the hashed perceptron index their tables
 * with, and the geometric series of history lengths of O-GEHL and TAGE.
 *
 * <p>May use: the SPI ({@code org.bpsim.predictor.spi}) and the JDK only; no predictor family
 * depends on another one through this package. Nothing here allocates per branch.
 */
package org.bpsim.predictor.common;
