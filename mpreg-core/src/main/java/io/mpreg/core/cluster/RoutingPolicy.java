package io.mpreg.core.cluster;

import java.util.Objects;

/**
 * How the router chooses among several members that can run a call.
 *
 * @param strategy    random (spreads load) or least loaded
 * @param preferLocal whether this node runs the call itself when it can
 */
public record RoutingPolicy(Strategy strategy, boolean preferLocal) {

    /** The default: the local node when it matches, else a random matching member. */
    public static final RoutingPolicy DEFAULT = new RoutingPolicy(Strategy.RANDOM, true);

    public RoutingPolicy {
        Objects.requireNonNull(strategy, "strategy");
    }

    /** How to choose among candidates. */
    public enum Strategy {
        /** Uniformly at random. */
        RANDOM,
        /** The lowest known load; ties broken at random. */
        LEAST_LOADED
    }
}
