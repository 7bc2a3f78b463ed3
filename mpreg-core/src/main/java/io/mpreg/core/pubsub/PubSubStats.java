package io.mpreg.core.pubsub;

/**
 * A point-in-time snapshot of an exchange's counters, for binding to metrics.
 *
 * @param published      messages accepted for publishing (from clients, code and peers)
 * @param delivered      notifications handed to connections
 * @param forwarded      copies of messages published here sent to peers with matching subscriptions (one per peer)
 * @param dropped        notifications discarded by the slow-subscriber policy
 * @param disconnects    connections ended by the {@link SlowSubscriberPolicy#DISCONNECT} policy
 * @param subscriptions  live subscriptions
 * @param connections    connections with subscriptions or an outbound stream
 * @param backlogMessages messages retained in the backlog
 * @param backlogBytes   approximate bytes retained in the backlog
 */
public record PubSubStats(long published, long delivered, long forwarded, long dropped, long disconnects,
        int subscriptions, int connections, long backlogMessages, long backlogBytes) {
}
