package io.mpreg.core.node;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

import io.mpreg.core.fabric.ClusterSettings;

/**
 * The immutable configuration of an {@link MpregNode}, checked when built.
 *
 * @param name                  the node's name, for logs and its member id in a cluster (unless set apart)
 * @param host                  the interface the node's own listener binds ({@code 0.0.0.0}: every interface)
 * @param port                  the listener's port; 0 picks a free one
 * @param resources             the resource tags this node offers to commands' {@code locs}
 * @param maxFrameSize          the largest frame accepted from a client, in bytes
 * @param defaultRequestTimeout the bound of requests that give no {@code timeout}
 * @param maxRequestTimeout     the bound no request may exceed
 * @param blockingPoolSize      how many plain (possibly blocking) functions run at once
 * @param blockingQueueCapacity how many calls may wait for the pool before new ones are refused as overloaded
 * @param pingInterval          how often the listener pings each connection
 * @param idleTimeout           how long a connection may stay silent before the listener closes it
 * @param listen                whether the node opens its own WebSocket listener; without one, serve
 *                              {@link MpregNode#endpoint()} from another Reactor Netty server (e.g. Spring WebFlux)
 * @param cluster               how the node joins a cluster ({@link ClusterSettings#DISABLED}: it runs alone)
 */
public record MpregNodeConfig(
        String name,
        String host,
        int port,
        Set<String> resources,
        int maxFrameSize,
        Duration defaultRequestTimeout,
        Duration maxRequestTimeout,
        int blockingPoolSize,
        int blockingQueueCapacity,
        Duration pingInterval,
        Duration idleTimeout,
        boolean listen,
        ClusterSettings cluster) {

    /** The product's default port. */
    public static final int DEFAULT_PORT = 9001;

    public MpregNodeConfig {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank");
        }
        Objects.requireNonNull(host, "host");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be within 0..65535 but was " + port);
        }
        resources = Set.copyOf(resources);
        for (String resource : resources) {
            if (resource.isBlank()) {
                throw new IllegalArgumentException("resource tags must not be blank");
            }
        }
        if (maxFrameSize <= 0) {
            throw new IllegalArgumentException("maxFrameSize must be positive but was " + maxFrameSize);
        }
        requirePositive(defaultRequestTimeout, "defaultRequestTimeout");
        requirePositive(maxRequestTimeout, "maxRequestTimeout");
        if (defaultRequestTimeout.compareTo(maxRequestTimeout) > 0) {
            throw new IllegalArgumentException("defaultRequestTimeout " + defaultRequestTimeout
                    + " must not exceed maxRequestTimeout " + maxRequestTimeout);
        }
        if (blockingPoolSize < 1) {
            throw new IllegalArgumentException("blockingPoolSize must be at least 1 but was " + blockingPoolSize);
        }
        if (blockingQueueCapacity < 0) {
            throw new IllegalArgumentException(
                    "blockingQueueCapacity must not be negative but was " + blockingQueueCapacity);
        }
        requirePositive(pingInterval, "pingInterval");
        requirePositive(idleTimeout, "idleTimeout");
        Objects.requireNonNull(cluster, "cluster");
    }

    /**
     * The defaults: name {@code mpreg-node}, every interface, port 9001, no
     * resources, 20 MiB frames, requests bounded by 30 s by default and 5 min
     * at most, 64 blocking calls at once with 1,024 waiting, a ping every 20 s,
     * silent connections closed after 60 s, own listener on, not clustered.
     */
    public static MpregNodeConfig defaults() {
        return new MpregNodeConfig("mpreg-node", "0.0.0.0", DEFAULT_PORT, Set.of(), 20 * 1024 * 1024,
                Duration.ofSeconds(30), Duration.ofMinutes(5), 64, 1024,
                Duration.ofSeconds(20), Duration.ofSeconds(60), true, ClusterSettings.DISABLED);
    }

    private static void requirePositive(Duration duration, String field) {
        Objects.requireNonNull(duration, field);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(field + " must be positive but was " + duration);
        }
    }
}
