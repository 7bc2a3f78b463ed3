package io.mpreg.core.pubsub;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of a {@link PubSubExchange}. Immutable; each {@code with...} method
 * checks its value at once and returns a new configuration.
 *
 * @param backlogWindow          how long published messages are retained for late subscribers (zero: no backlog)
 * @param backlogMaxMessages     at most this many messages are retained
 * @param backlogMaxBytes        at most this many bytes of messages are retained, each counted as its JSON in UTF-8
 * @param maxQueuedPerConnection notifications queued for one connection before the slow-subscriber policy applies
 * @param slowSubscriberPolicy   what happens when a connection's queue is full
 * @param matchCacheSize         slots of the topic match cache, a power of two; zero turns the cache off
 */
public record PubSubConfig(Duration backlogWindow, int backlogMaxMessages, long backlogMaxBytes,
        int maxQueuedPerConnection, SlowSubscriberPolicy slowSubscriberPolicy, int matchCacheSize) {

    public PubSubConfig {
        Objects.requireNonNull(backlogWindow, "backlogWindow");
        Objects.requireNonNull(slowSubscriberPolicy, "slowSubscriberPolicy");
        if (backlogWindow.isNegative()) {
            throw new IllegalArgumentException("backlog window must not be negative, was " + backlogWindow);
        }
        if (backlogMaxMessages < 0) {
            throw new IllegalArgumentException("backlog max messages must not be negative, was " + backlogMaxMessages);
        }
        if (backlogMaxBytes < 0) {
            throw new IllegalArgumentException("backlog max bytes must not be negative, was " + backlogMaxBytes);
        }
        if (maxQueuedPerConnection < 1) {
            throw new IllegalArgumentException(
                    "max queued per connection must be at least 1, was " + maxQueuedPerConnection);
        }
        if (matchCacheSize < 0 || Integer.bitCount(matchCacheSize) > 1) {
            throw new IllegalArgumentException(
                    "match cache size must be zero or a power of two, was " + matchCacheSize);
        }
    }

    /** Five minutes and 10,000 messages or 64 MiB of backlog, 10,000 queued per connection, drop oldest, 4,096 cache slots. */
    public static PubSubConfig defaults() {
        return new PubSubConfig(Duration.ofMinutes(5), 10_000, 64L * 1024 * 1024, 10_000,
                SlowSubscriberPolicy.DROP_OLDEST, 4096);
    }

    /** With another backlog window. */
    public PubSubConfig withBacklogWindow(Duration window) {
        return new PubSubConfig(window, backlogMaxMessages, backlogMaxBytes, maxQueuedPerConnection,
                slowSubscriberPolicy, matchCacheSize);
    }

    /** With other backlog bounds. */
    public PubSubConfig withBacklogLimits(int maxMessages, long maxBytes) {
        return new PubSubConfig(backlogWindow, maxMessages, maxBytes, maxQueuedPerConnection, slowSubscriberPolicy,
                matchCacheSize);
    }

    /** With another per-connection queue bound and slow-subscriber policy. */
    public PubSubConfig withSlowSubscribers(int maxQueued, SlowSubscriberPolicy policy) {
        return new PubSubConfig(backlogWindow, backlogMaxMessages, backlogMaxBytes, maxQueued, policy,
                matchCacheSize);
    }

    /** With another match cache size (zero: off). */
    public PubSubConfig withMatchCacheSize(int slots) {
        return new PubSubConfig(backlogWindow, backlogMaxMessages, backlogMaxBytes, maxQueuedPerConnection,
                slowSubscriberPolicy, slots);
    }
}
