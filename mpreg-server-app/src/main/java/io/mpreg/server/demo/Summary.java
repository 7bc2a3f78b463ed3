package io.mpreg.server.demo;

/**
 * Statistics over the clean readings of the demo pipeline.
 *
 * @param count how many readings
 * @param min   the smallest value (0 when there are none)
 * @param max   the largest value (0 when there are none)
 * @param mean  the arithmetic mean (0 when there are none)
 */
public record Summary(int count, double min, double max, double mean) {
}
