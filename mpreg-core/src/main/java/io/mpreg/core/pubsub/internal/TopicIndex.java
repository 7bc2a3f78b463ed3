package io.mpreg.core.pubsub.internal;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

import io.mpreg.core.pubsub.TopicPattern;
import org.jspecify.annotations.Nullable;

/**
 * Finds the values (subscriptions) whose patterns match a topic.
 *
 * <p>All patterns, literal topics included, live in one {@link TopicTrie}, so
 * a match is a single walk over the topic's words. Reads take no lock; writes
 * are serialized here. A value registered under several patterns that match
 * the same topic is returned once. An optional {@link MatchCache} remembers
 * recent results until the next write.
 *
 * @param <V> the registered values, compared by identity
 */
public final class TopicIndex<V> {

    private final TopicTrie trie = new TopicTrie();
    private final @Nullable MatchCache<V> cache;
    private final Object writeLock = new Object();
    private final IdentityHashMap<V, Integer> registrations = new IdentityHashMap<>();
    private volatile long generation;
    // Values registered under more than one pattern: only they can be found twice, so
    // while there are none a match needs no de-duplication.
    private volatile int severalTimesRegistered;

    /** An index with a match cache of the given number of slots (a power of two), or none if zero. */
    public TopicIndex(int cacheSlots) {
        this.cache = cacheSlots == 0 ? null : new MatchCache<>(cacheSlots);
    }

    /** Registers a value under a pattern. */
    public void add(TopicPattern pattern, V value) {
        synchronized (writeLock) {
            int before = registrations.merge(value, 1, Integer::sum) - 1;
            if (before == 1) {
                severalTimesRegistered++;
            }
            trie.add(pattern, value);
            generation++;
        }
    }

    /**
     * Removes one registration of a value under a pattern; false if there was none.
     * A pattern without wildcards and the exact pattern of the same text are one registration.
     */
    public boolean remove(TopicPattern pattern, V value) {
        synchronized (writeLock) {
            boolean removed = trie.remove(pattern, value);
            if (removed) {
                generation++;
                int left = registrations.merge(value, -1, Integer::sum);
                if (left == 0) {
                    registrations.remove(value);
                } else if (left == 1) {
                    severalTimesRegistered--;
                }
            }
            return removed;
        }
    }

    /** Grows on every change; results cached at an older generation are never served. */
    public long generation() {
        return generation;
    }

    /** The distinct values whose patterns match the topic, as an immutable list. */
    public List<V> match(String topic) {
        MatchCache<V> matchCache = cache;
        if (matchCache == null) {
            return compute(topic);
        }
        long seen = generation;
        List<V> cached = matchCache.get(topic, seen);
        if (cached != null) {
            return cached;
        }
        List<V> computed = compute(topic);
        matchCache.put(topic, seen, computed);
        return computed;
    }

    // Writers raise severalTimesRegistered before adding a second pattern and lower it only
    // after the removal and its generation step, so reading it after collecting (and the
    // generation around collecting) tells whether a duplicate may have been collected.
    private List<V> compute(String topic) {
        long generationBefore = generation;
        Object[] found = trie.collect(topic);
        if (found.length == 0) {
            return List.of();
        }
        boolean duplicatesPossible = severalTimesRegistered > 0 || generation != generationBefore;
        return duplicatesPossible ? distinct(found) : new MatchList<>(found, found.length);
    }

    private static <V> List<V> distinct(Object[] values) {
        Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>(values.length * 2));
        Object[] unique = new Object[values.length];
        int count = 0;
        for (Object value : values) {
            if (seen.add(value)) {
                unique[count++] = value;
            }
        }
        return new MatchList<>(unique, count);
    }
}
