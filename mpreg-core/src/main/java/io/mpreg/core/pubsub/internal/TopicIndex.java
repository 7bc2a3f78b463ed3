package io.mpreg.core.pubsub.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.mpreg.core.pubsub.TopicPattern;
import org.jspecify.annotations.Nullable;

/**
 * Finds the values (subscriptions) whose patterns match a topic.
 *
 * <p>Literal topics (exact-match patterns and patterns without wildcards) sit
 * in one hash map; wildcard patterns in a {@link WildcardTrie}. Reads take no
 * lock; writes are serialized here. A value registered under several patterns
 * that match the same topic is returned once. An optional {@link MatchCache}
 * remembers recent results until the next write.
 *
 * @param <V> the registered values, compared by identity
 */
public final class TopicIndex<V> {

    private static final Object[] NONE = new Object[0];

    private final ConcurrentHashMap<String, Object[]> literals = new ConcurrentHashMap<>();
    private final WildcardTrie<V> wildcards = new WildcardTrie<>();
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
            if (pattern.hasWildcards()) {
                wildcards.add(TopicPattern.split(pattern.pattern()), value);
            } else {
                literals.merge(pattern.pattern(), new Object[] {value}, TopicIndex::concat);
            }
            generation++;
        }
    }

    /**
     * Removes one registration of a value under a pattern; false if there was none.
     * A pattern without wildcards and the exact pattern of the same text are one registration.
     */
    public boolean remove(TopicPattern pattern, V value) {
        synchronized (writeLock) {
            boolean removed = pattern.hasWildcards()
                    ? wildcards.remove(TopicPattern.split(pattern.pattern()), value)
                    : removeLiteral(pattern.pattern(), value);
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
    @SuppressWarnings("unchecked")
    private List<V> compute(String topic) {
        long generationBefore = generation;
        List<V> found = new ArrayList<>(4);
        Object[] exact = literals.getOrDefault(topic, NONE);
        for (Object value : exact) {
            found.add((V) value);
        }
        wildcards.collect(topic, found);
        if (found.isEmpty()) {
            return List.of();
        }
        boolean duplicatesPossible = severalTimesRegistered > 0 || generation != generationBefore;
        return Collections.unmodifiableList(duplicatesPossible ? distinct(found) : found);
    }

    private static <V> List<V> distinct(List<V> values) {
        if (values.size() < 2) {
            return values;
        }
        Set<V> seen = Collections.newSetFromMap(new IdentityHashMap<>(values.size() * 2));
        List<V> unique = new ArrayList<>(values.size());
        for (V value : values) {
            if (seen.add(value)) {
                unique.add(value);
            }
        }
        return unique;
    }

    private boolean removeLiteral(String topic, V value) {
        Object[] old = literals.get(topic);
        if (old == null) {
            return false;
        }
        for (int i = 0; i < old.length; i++) {
            if (old[i] == value) {
                if (old.length == 1) {
                    literals.remove(topic);
                } else {
                    Object[] shrunk = new Object[old.length - 1];
                    System.arraycopy(old, 0, shrunk, 0, i);
                    System.arraycopy(old, i + 1, shrunk, i, old.length - i - 1);
                    literals.put(topic, shrunk);
                }
                return true;
            }
        }
        return false;
    }

    private static Object[] concat(Object[] old, Object[] more) {
        Object[] joined = Arrays.copyOf(old, old.length + more.length);
        System.arraycopy(more, 0, joined, old.length, more.length);
        return joined;
    }
}
