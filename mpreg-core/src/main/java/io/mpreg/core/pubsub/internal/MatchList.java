package io.mpreg.core.pubsub.internal;

import java.util.AbstractList;
import java.util.RandomAccess;

/**
 * An immutable list over the first {@code size} elements of an array that
 * nobody else writes: the match result handed out without copying it again.
 * Every mutator throws, as {@link AbstractList}'s do.
 */
final class MatchList<V> extends AbstractList<V> implements RandomAccess {

    private final Object[] elements;
    private final int size;

    MatchList(Object[] elements, int size) {
        this.elements = elements;
        this.size = size;
    }

    @Override
    @SuppressWarnings("unchecked")
    public V get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("index " + index + ", size " + size);
        }
        return (V) elements[index];
    }

    @Override
    public int size() {
        return size;
    }
}
