package io.mpreg.core.pubsub.internal;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A direct-mapped cache of match results: each topic hashes to one slot,
 * and a newer topic simply takes the slot over. Entries carry the index
 * generation they were computed at and are ignored once it has moved on, so
 * subscriptions coming and going can never leave a stale result visible.
 *
 * <p>Slots are written racily on purpose: an entry is an immutable object,
 * so a reader sees either a whole old entry or a whole new one, and checks
 * both its topic and its generation before using it.
 */
final class MatchCache<V> {

    private record Entry<V>(String topic, long generation, List<V> matches) {
    }

    private final Entry<V>[] slots;
    private final int mask;

    @SuppressWarnings("unchecked")
    MatchCache(int size) {
        if (size < 1 || Integer.bitCount(size) != 1) {
            throw new IllegalArgumentException("cache size must be a power of two, was " + size);
        }
        this.slots = new Entry[size];
        this.mask = size - 1;
    }

    @Nullable List<V> get(String topic, long generation) {
        Entry<V> entry = slots[slot(topic)];
        if (entry != null && entry.generation == generation && entry.topic.equals(topic)) {
            return entry.matches;
        }
        return null;
    }

    void put(String topic, long generation, List<V> matches) {
        slots[slot(topic)] = new Entry<>(topic, generation, matches);
    }

    private int slot(String topic) {
        int hash = topic.hashCode();
        return (hash ^ (hash >>> 16)) & mask;
    }
}
