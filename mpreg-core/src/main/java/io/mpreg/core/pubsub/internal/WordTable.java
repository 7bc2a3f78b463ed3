package io.mpreg.core.pubsub.internal;

import org.jspecify.annotations.Nullable;

/**
 * An immutable open-addressing hash table from words to values, looked up by
 * a region of a topic string so that matching never cuts a topic into
 * substrings. Writers build a new table ({@link #with}, {@link #without});
 * readers use whichever table they loaded, without a lock.
 *
 * <p>Laid out for few memory reads per lookup: the hashes sit in one
 * {@code int} array, probed first; each word's characters and its value sit
 * next to each other in one {@code Object} array. The hash of a region equals
 * {@link String#hashCode()} of the same word, so a caller hashes each word of
 * a topic once and probes many tables with it.
 */
final class WordTable<V> {

    private static final WordTable<?> EMPTY = new WordTable<>(new int[0], new Object[0], 0);

    private final int[] hashes;
    // Slot i holds its word's characters at 2i and its value at 2i + 1; an empty slot holds null.
    private final @Nullable Object[] entries;
    private final int size;

    private WordTable(int[] hashes, @Nullable Object[] entries, int size) {
        this.hashes = hashes;
        this.entries = entries;
        this.size = size;
    }

    @SuppressWarnings("unchecked")
    static <V> WordTable<V> empty() {
        return (WordTable<V>) EMPTY;
    }

    /** The hash of {@code text[start, end)}, equal to that substring's {@code hashCode()}. */
    static int hash(String text, int start, int end) {
        int hash = 0;
        for (int i = start; i < end; i++) {
            hash = 31 * hash + text.charAt(i);
        }
        return hash;
    }

    int size() {
        return size;
    }

    /** The value of the word {@code text[start, end)} whose {@link #hash} is {@code hash}, or null. */
    @SuppressWarnings("unchecked")
    @Nullable V get(String text, int start, int end, int hash) {
        if (size == 0) {
            return null;
        }
        int mask = hashes.length - 1;
        for (int slot = spread(hash) & mask; ; slot = (slot + 1) & mask) {
            char[] word = (char[]) entries[2 * slot];
            if (word == null) {
                return null;
            }
            if (hashes[slot] == hash && sameWord(word, text, start, end)) {
                return (V) entries[2 * slot + 1];
            }
        }
    }

    /** The value of a whole word, or null. */
    @Nullable V get(String word) {
        return get(word, 0, word.length(), word.hashCode());
    }

    /** A table that also (or instead) maps {@code word} to {@code value}; kept at most half full. */
    WordTable<V> with(String word, V value) {
        int capacity = Math.max(4, hashes.length);
        while ((size + 1) * 2 > capacity) {
            capacity *= 2;
        }
        return rebuilt(capacity, word, word.toCharArray(), value);
    }

    /** A table without {@code word}. */
    WordTable<V> without(String word) {
        if (get(word) == null) {
            return this;
        }
        return size == 1 ? empty() : rebuilt(hashes.length, word, null, null);
    }

    // Copies every entry but the one of 'word', then adds 'word' itself if characters are given.
    private WordTable<V> rebuilt(int capacity, String word, char @Nullable [] chars, @Nullable V value) {
        int[] newHashes = new int[capacity];
        @Nullable Object[] newEntries = new Object[2 * capacity];
        int count = 0;
        for (int slot = 0; slot < hashes.length; slot++) {
            char[] existing = (char[]) entries[2 * slot];
            if (existing != null && !sameWord(existing, word, 0, word.length())) {
                insert(newHashes, newEntries, hashes[slot], existing, entries[2 * slot + 1]);
                count++;
            }
        }
        if (chars != null) {
            insert(newHashes, newEntries, word.hashCode(), chars, value);
            count++;
        }
        return new WordTable<>(newHashes, newEntries, count);
    }

    private static boolean sameWord(char[] word, String text, int start, int end) {
        if (word.length != end - start) {
            return false;
        }
        for (int i = 0; i < word.length; i++) {
            if (word[i] != text.charAt(start + i)) {
                return false;
            }
        }
        return true;
    }

    private static void insert(int[] hashes, @Nullable Object[] entries, int hash, char[] word,
            @Nullable Object value) {
        int mask = hashes.length - 1;
        int slot = spread(hash) & mask;
        while (entries[2 * slot] != null) {
            slot = (slot + 1) & mask;
        }
        hashes[slot] = hash;
        entries[2 * slot] = word;
        entries[2 * slot + 1] = value;
    }

    private static int spread(int hash) {
        return hash ^ (hash >>> 16);
    }
}
