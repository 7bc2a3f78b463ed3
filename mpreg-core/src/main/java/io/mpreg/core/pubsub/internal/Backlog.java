package io.mpreg.core.pubsub.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

import io.mpreg.core.pubsub.PubSubMessage;

/**
 * Recently published messages, kept for subscriptions that ask for them.
 * Bounded three ways: by age, by count and by approximate bytes; the oldest
 * leave first. Appends are O(1) amortized under this object's monitor, which
 * is held only for the deque operations.
 */
public final class Backlog {

    private record Retained(PubSubMessage message, Instant at, long bytes) {
    }

    private final Duration window;
    private final int maxMessages;
    private final long maxBytes;
    private final ArrayDeque<Retained> retained = new ArrayDeque<>();
    private long bytes;

    public Backlog(Duration window, int maxMessages, long maxBytes) {
        this.window = window;
        this.maxMessages = maxMessages;
        this.maxBytes = maxBytes;
    }

    /** Retains a message published at {@code now}, evicting what no longer fits. */
    public synchronized void append(PubSubMessage message, long messageBytes, Instant now) {
        if (window.isZero() || maxMessages == 0) {
            return;
        }
        retained.addLast(new Retained(message, now, messageBytes));
        bytes += messageBytes;
        evict(now);
    }

    /** The retained messages published at or after {@code since}, oldest first. */
    public synchronized List<PubSubMessage> since(Instant since, Instant now) {
        evict(now);
        List<PubSubMessage> found = new ArrayList<>();
        for (Retained entry : retained) {
            if (!entry.at.isBefore(since)) {
                found.add(entry.message);
            }
        }
        return found;
    }

    /** The longest look-back a subscription can ask for. */
    public Duration window() {
        return window;
    }

    public synchronized int size() {
        return retained.size();
    }

    public synchronized long bytes() {
        return bytes;
    }

    private void evict(Instant now) {
        Instant oldestKept = now.minus(window);
        while (!retained.isEmpty()) {
            Retained oldest = retained.peekFirst();
            if (retained.size() <= maxMessages && bytes <= maxBytes && !oldest.at.isBefore(oldestKept)) {
                return;
            }
            retained.removeFirst();
            bytes -= oldest.bytes;
        }
    }
}
