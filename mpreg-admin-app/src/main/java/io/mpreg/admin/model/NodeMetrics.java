package io.mpreg.admin.model;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The meters read from one node's Actuator at one poll, with the few figures
 * derived from them.
 *
 * @param samples         each meter read, by {@link MeterQuery#key()}, as statistic ({@code COUNT},
 *                        {@code VALUE}, {@code TOTAL_TIME}, ...) to value; meters the node lacks are absent
 * @param requests        commands the node has run since it started, if it says
 * @param errorRate       the share of commands since the previous poll that did not succeed (0 to 1), when
 *                        there were any
 * @param p99Millis       the 99th percentile command latency in milliseconds, when the node publishes it
 * @param jvmMemoryUsed   bytes of JVM memory in use
 * @param connections     client connections open
 */
public record NodeMetrics(Map<String, Map<String, Double>> samples, @Nullable Double requests,
        @Nullable Double errorRate, @Nullable Double p99Millis, @Nullable Double jvmMemoryUsed,
        @Nullable Double connections) {

    /** No metrics (the node advertises no management URL, or it could not be read). */
    public static final NodeMetrics NONE = new NodeMetrics(Map.of(), null, null, null, null, null);

    public NodeMetrics {
        samples = Map.copyOf(samples);
    }

    /** The value of one statistic of one meter, if it was read. */
    public @Nullable Double value(MeterQuery query, String statistic) {
        Map<String, Double> statistics = samples.get(query.key());
        return statistics == null ? null : statistics.get(statistic);
    }
}
