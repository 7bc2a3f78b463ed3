package io.mpreg.core.pubsub.internal;

import org.jspecify.annotations.Nullable;

/**
 * The words that label literal edges of a {@link TopicTrie}, each held by one
 * {@link Word} object. Matching looks every word of a topic up here once, by
 * its region of the topic string (never cutting it out), and from then on
 * compares words by identity. A topic word missing here labels no edge, so it
 * can only match {@code *} and {@code #}, and its edge lookups are skipped.
 *
 * <p>A word is counted by the edges it labels and leaves when the last one
 * goes, so subscriptions coming and going do not grow the dictionary. A word
 * that comes back gets a new {@link Word}: a reader still holding the old one
 * finds no edge of the new one, the outcome of a lookup racing the change.
 */
final class WordDictionary extends WriteOnceTable {

    /** A word of some pattern; edges are keyed by its identity. */
    static final class Word {
        final String text;
        final int hash;
        final int serial;
        /** The bit that stands for this word in a {@link TrieNode}'s filter of child words. */
        final int filterBit;
        private int edges;

        private Word(String text, int serial) {
            this.text = text;
            this.hash = text.hashCode();
            this.serial = serial;
            this.filterBit = mix(serial) & (TrieNode.FILTER_BITS - 1);
        }
    }

    private int nextSerial;

    WordDictionary() {
        super(1);
    }

    /** The hash of {@code text[start, end)}, equal to that substring's {@code hashCode()}. */
    static int hash(String text, int start, int end) {
        int hash = 0;
        for (int i = start; i < end; i++) {
            hash = 31 * hash + text.charAt(i);
        }
        return hash;
    }

    /** The word {@code text[start, end)}, or null if no edge is labelled with it. */
    @Nullable Word find(String text, int start, int end) {
        return find(records(), text, start, end, hash(text, start, end));
    }

    /** The word, or null if no edge is labelled with it. */
    @Nullable Word find(String word) {
        return find(records(), word, 0, word.length(), word.hashCode());
    }

    /** The word, added if missing, counted as labelling one more edge (writer only). */
    Word acquire(String text) {
        Word word = find(text);
        if (word == null) {
            word = new Word(text, nextSerial++);
            insert(word.hash, word);
        }
        word.edges++;
        return word;
    }

    /** Counts one edge fewer labelled with the word, removing it after the last (writer only). */
    void release(Word word) {
        if (--word.edges > 0) {
            return;
        }
        Object[] current = records();
        int mask = current.length - 1;
        for (int slot = mix(word.hash) & mask; ; slot = (slot + 1) & mask) {
            if (current[slot] == word) {
                removeAt(slot);
                return;
            }
        }
    }

    @Override
    int hashOf(Object[] records, int offset) {
        return ((Word) records[offset]).hash;
    }

    private static @Nullable Word find(Object[] records, String text, int start, int end, int hash) {
        int mask = records.length - 1;
        int length = end - start;
        for (int slot = mix(hash) & mask; ; slot = (slot + 1) & mask) {
            Object key = keyAt(records, slot);
            if (key == null) {
                return null;
            }
            if (key != REMOVED) {
                Word word = (Word) key;
                if (word.hash == hash && word.text.length() == length
                        && text.regionMatches(start, word.text, 0, length)) {
                    return word;
                }
            }
        }
    }
}
