package io.mpreg.core.pubsub.internal;

import java.time.Duration;
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

    private record Retained(PubSubMessage message, long atMillis, long bytes) {
    }

    private final Duration window;
    private final long windowMillis;
    private final int maxMessages;
    private final long maxBytes;
    private final ArrayDeque<Retained> retained = new ArrayDeque<>();
    private long bytes;

    public Backlog(Duration window, int maxMessages, long maxBytes) {
        this.window = window;
        this.windowMillis = window.toMillis();
        this.maxMessages = maxMessages;
        this.maxBytes = maxBytes;
    }

    /** Retains a message published at {@code nowMillis} (epoch milliseconds), evicting what no longer fits. */
    public synchronized void append(PubSubMessage message, long messageBytes, long nowMillis) {
        if (windowMillis == 0 || maxMessages == 0) {
            return;
        }
        retained.addLast(new Retained(message, nowMillis, messageBytes));
        bytes += messageBytes;
        evict(nowMillis);
    }

    /** The retained messages published at or after {@code sinceMillis}, oldest first. */
    public synchronized List<PubSubMessage> since(long sinceMillis, long nowMillis) {
        evict(nowMillis);
        List<PubSubMessage> found = new ArrayList<>();
        for (Retained entry : retained) {
            if (entry.atMillis >= sinceMillis) {
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

    private void evict(long nowMillis) {
        long oldestKept = nowMillis - windowMillis;
        while (!retained.isEmpty()) {
            Retained oldest = retained.peekFirst();
            if (retained.size() <= maxMessages && bytes <= maxBytes && oldest.atMillis >= oldestKept) {
                return;
            }
            retained.removeFirst();
            bytes -= oldest.bytes;
        }
    }
}
