package io.mpreg.core.pubsub.internal;

import org.jspecify.annotations.Nullable;

/**
 * A node of a {@link TopicTrie}: the state after a prefix of a pattern. Its
 * literal children live in the trie's {@link EdgeTable}; everything a match
 * reads of the node itself sits in these few fields, one cache line. Fields
 * are written by the trie's single writer and read without a lock.
 */
final class TrieNode {

    static final Object[] NO_VALUES = new Object[0];

    /** The label of {@code *} edges in {@link #childSeed}; words label theirs with their serial. */
    static final int ONE_WORD_LABEL = -1;
    /** The label of {@code #} edges in {@link #childSeed}. */
    static final int MANY_WORDS_LABEL = -2;

    /**
     * A hash of the node's path from the root, which a match computes as it
     * walks, so probing the node's edges never waits for the node itself to
     * come from memory. Edges compare nodes by identity; seeds may repeat.
     */
    final int seed;
    /** Whether the node is reached by a {@code #} word, so it stays active on every further word. */
    final boolean anyWords;
    volatile @Nullable TrieNode oneWord;
    volatile @Nullable TrieNode manyWords;
    /** The values of the patterns that end here, replaced whole on change. */
    volatile Object[] values = NO_VALUES;
    /** The number of literal edges out of this node, kept to tell when it is empty. */
    volatile int literalChildren;
    /** The size of the filter of child words, in bits. */
    static final int FILTER_BITS = 128;
    // A filter of the words that label this node's literal edges (bits set, never cleared):
    // about half the edge probes of a match find nothing, mostly from '#' nodes tried
    // with every word, and the filter, on the line the match reads anyway, rules most of
    // them out without touching the edge table.
    private volatile long filterLow;
    private volatile long filterHigh;

    TrieNode(int seed, boolean anyWords) {
        this.seed = seed;
        this.anyWords = anyWords;
    }

    /** The seed of the child reached from a node with {@code seed} along an edge with {@code label}. */
    static int childSeed(int seed, int label) {
        return seed * 0x9E3779B9 + label;
    }

    /** Whether an edge labelled with the word may leave this node; false means it does not. */
    boolean mayHaveChild(int filterBit) {
        long bits = filterBit < Long.SIZE ? filterLow : filterHigh;
        return (bits & (1L << filterBit)) != 0;
    }

    /** Notes an edge labelled with the word (writer only, before the edge is published). */
    void noteChild(int filterBit) {
        if (filterBit < Long.SIZE) {
            filterLow |= 1L << filterBit;
        } else {
            filterHigh |= 1L << filterBit;
        }
    }

    /** Whether nothing ends at or below this node, so it can be unlinked. */
    boolean isEmpty() {
        return values.length == 0 && oneWord == null && manyWords == null && literalChildren == 0;
    }
}
