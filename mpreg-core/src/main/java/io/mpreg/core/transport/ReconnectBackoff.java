package io.mpreg.core.transport;

import java.time.Duration;
import java.util.Objects;
import java.util.Random;

/**
 * Exponential backoff with jitter between connection attempts (client reconnects, peer links).
 *
 * @param initial the delay after the first failed round
 * @param max     the most a delay grows to (before jitter)
 * @param jitter  the fraction (0..1) by which each delay is varied at random, either way
 */
public record ReconnectBackoff(Duration initial, Duration max, double jitter) {

    /** 100 ms doubling up to 5 s, varied by up to 20%. */
    public static final ReconnectBackoff DEFAULT = new ReconnectBackoff(Duration.ofMillis(100), Duration.ofSeconds(5), 0.2);

    public ReconnectBackoff {
        Objects.requireNonNull(initial, "initial");
        Objects.requireNonNull(max, "max");
        if (max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("max backoff " + max + " is below the initial backoff " + initial);
        }
        if (!(jitter >= 0 && jitter <= 1)) {
            throw new IllegalArgumentException("jitter must be within 0..1 but was " + jitter);
        }
    }

    /** The delay after the given number of failed rounds (1 for the first). */
    public Duration delayAfter(long failedRounds, Random random) {
        long exponent = Math.min(Math.max(0, failedRounds - 1), 30);
        double base = Math.min(max.toNanos(), initial.toNanos() * Math.pow(2, exponent));
        double varied = base * (1 - jitter + 2 * jitter * random.nextDouble());
        return Duration.ofNanos((long) varied);
    }
}
