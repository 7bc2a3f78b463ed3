package io.mpreg.core.cluster.sim;

import java.time.Duration;
import java.util.Objects;

/**
 * How the simulated network behaves: one-way latency drawn uniformly from
 * {@code [latency - jitter, latency + jitter]}, and the chance that a message is lost.
 *
 * @param latency     mean one-way delay
 * @param jitter      half-width of the uniform spread around the mean
 * @param lossRate    probability in [0, 1) that a message is dropped
 */
public record NetworkConditions(Duration latency, Duration jitter, double lossRate) {

    /** A LAN: 0.5 ms +- 0.25 ms, no loss. */
    public static final NetworkConditions LAN = new NetworkConditions(Duration.ofMillis(1).dividedBy(2),
            Duration.ofMillis(1).dividedBy(4), 0.0);

    public NetworkConditions {
        Objects.requireNonNull(latency, "latency");
        Objects.requireNonNull(jitter, "jitter");
        if (latency.isNegative() || jitter.isNegative() || jitter.compareTo(latency) > 0) {
            throw new IllegalArgumentException("need 0 <= jitter <= latency, was latency " + latency
                    + " and jitter " + jitter);
        }
        if (!(lossRate >= 0.0 && lossRate < 1.0)) {
            throw new IllegalArgumentException("lossRate must be in [0, 1), was " + lossRate);
        }
    }

    /** The same network losing the given fraction of messages. */
    public NetworkConditions withLoss(double rate) {
        return new NetworkConditions(latency, jitter, rate);
    }
}
