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

    /** Spreads nodes over the edge table; edges compare nodes by identity, so serials may repeat. */
    final int serial;
    /** Whether the node is reached by a {@code #} word, so it stays active on every further word. */
    final boolean anyWords;
    volatile @Nullable TrieNode oneWord;
    volatile @Nullable TrieNode manyWords;
    /** The values of the patterns that end here, replaced whole on change. */
    volatile Object[] values = NO_VALUES;
    /** The number of literal edges out of this node; zero spares a match the edge lookup. */
    volatile int literalChildren;

    TrieNode(int serial, boolean anyWords) {
        this.serial = serial;
        this.anyWords = anyWords;
    }

    /** Whether nothing ends at or below this node, so it can be unlinked. */
    boolean isEmpty() {
        return values.length == 0 && oneWord == null && manyWords == null && literalChildren == 0;
    }
}
