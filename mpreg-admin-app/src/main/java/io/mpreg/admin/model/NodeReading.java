package io.mpreg.admin.model;

import java.util.Map;

/**
 * What was read from one node's Actuator at one poll.
 *
 * @param health  its health
 * @param samples each meter read, by {@link MeterQuery#key()}, as statistic to value
 */
public record NodeReading(NodeHealth health, Map<String, Map<String, Double>> samples) {

    /** Nothing read: the node advertises no management URL. */
    public static final NodeReading NONE = new NodeReading(NodeHealth.UNKNOWN, Map.of());

    public NodeReading {
        samples = Map.copyOf(samples);
    }
}
