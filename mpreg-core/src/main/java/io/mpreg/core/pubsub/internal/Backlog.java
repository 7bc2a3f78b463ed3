package io.mpreg.core.pubsub.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.mpreg.core.pubsub.PubSubMessage;
import org.jspecify.annotations.Nullable;

/**
 * Recently published messages, kept for subscriptions that ask for them.
 * Bounded three ways: by age, by count and by approximate bytes; the oldest
 * leave first. Appends are O(1) amortized under this object's monitor.
 *
 * <p>The messages sit in a ring with their times and sizes in parallel
 * arrays of primitives: the oldest entry, checked on every append, is read
 * from memory laid out in order instead of from an object allocated a whole
 * backlog ago.
 */
public final class Backlog {

    private static final int FIRST_CAPACITY = 64;

    private final Duration window;
    private final long windowMillis;
    private final int maxMessages;
    private final long maxBytes;
    private @Nullable PubSubMessage[] messages = new PubSubMessage[FIRST_CAPACITY];
    private long[] atMillis = new long[FIRST_CAPACITY];
    private long[] sizes = new long[FIRST_CAPACITY];
    private int head;
    private int count;
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
        if (count == messages.length) {
            grow();
        }
        int slot = (head + count) & (messages.length - 1);
        messages[slot] = message;
        atMillis[slot] = nowMillis;
        sizes[slot] = messageBytes;
        count++;
        bytes += messageBytes;
        evict(nowMillis);
    }

    /** The retained messages published at or after {@code sinceMillis}, oldest first. */
    public synchronized List<PubSubMessage> since(long sinceMillis, long nowMillis) {
        evict(nowMillis);
        List<PubSubMessage> found = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int slot = (head + i) & (messages.length - 1);
            if (atMillis[slot] >= sinceMillis) {
                found.add(messages[slot]);
            }
        }
        return found;
    }

    /** The longest look-back a subscription can ask for. */
    public Duration window() {
        return window;
    }

    public synchronized int size() {
        return count;
    }

    public synchronized long bytes() {
        return bytes;
    }

    private void evict(long nowMillis) {
        long oldestKept = nowMillis - windowMillis;
        int mask = messages.length - 1;
        while (count > 0 && (count > maxMessages || bytes > maxBytes || atMillis[head] < oldestKept)) {
            bytes -= sizes[head];
            messages[head] = null;
            head = (head + 1) & mask;
            count--;
        }
    }

    // Capacities stay powers of two, so a slot is an index masked.
    private void grow() {
        int capacity = messages.length * 2;
        @Nullable PubSubMessage[] grownMessages = new PubSubMessage[capacity];
        long[] grownTimes = new long[capacity];
        long[] grownSizes = new long[capacity];
        for (int i = 0; i < count; i++) {
            int slot = (head + i) & (messages.length - 1);
            grownMessages[i] = messages[slot];
            grownTimes[i] = atMillis[slot];
            grownSizes[i] = sizes[slot];
        }
        messages = grownMessages;
        atMillis = grownTimes;
        sizes = grownSizes;
        head = 0;
    }
}
