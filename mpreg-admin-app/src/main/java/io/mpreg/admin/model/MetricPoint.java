package io.mpreg.admin.model;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A node's key figures at one poll, kept for its recent-metrics chart.
 *
 * @param at            when they were read
 * @param load          its advertised load
 * @param errorRate     the share of failed commands since the previous poll
 * @param p99Millis     its 99th percentile latency in milliseconds
 * @param jvmMemoryUsed bytes of JVM memory in use
 * @param connections   client connections open
 */
public record MetricPoint(Instant at, double load, @Nullable Double errorRate, @Nullable Double p99Millis,
        @Nullable Double jvmMemoryUsed, @Nullable Double connections) {

    /** The point of one node's view. */
    public static MetricPoint of(NodeView node, Instant at) {
        NodeMetrics metrics = node.metrics();
        return new MetricPoint(at, node.load(), metrics.errorRate(), metrics.p99Millis(), metrics.jvmMemoryUsed(),
                metrics.connections());
    }
}
