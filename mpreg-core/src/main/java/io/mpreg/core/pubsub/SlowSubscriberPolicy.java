package io.mpreg.core.pubsub;

/**
 * What happens when a connection's outbound queue of notifications is full
 * because its subscriber reads more slowly than messages arrive.
 */
public enum SlowSubscriberPolicy {
    /** Discard the oldest queued notification to make room: the subscriber sees the latest messages. */
    DROP_OLDEST,
    /** Discard the arriving notification: the subscriber sees the earliest messages, then a gap. */
    DROP_NEWEST,
    /** End the connection's subscriptions and fail its outbound stream, so the node closes the connection. */
    DISCONNECT
}
