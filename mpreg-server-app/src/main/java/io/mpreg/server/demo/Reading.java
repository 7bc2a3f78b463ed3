package io.mpreg.server.demo;

import org.jspecify.annotations.Nullable;

/**
 * One sensor reading of the demo pipeline.
 *
 * @param sensor the sensor's name
 * @param value  the measured value, or {@code null} when the input line had none
 */
public record Reading(String sensor, @Nullable Double value) {
}
