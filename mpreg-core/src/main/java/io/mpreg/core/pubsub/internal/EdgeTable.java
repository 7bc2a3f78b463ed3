package io.mpreg.core.pubsub.internal;

import io.mpreg.core.pubsub.internal.WordDictionary.Word;
import org.jspecify.annotations.Nullable;

/**
 * Every literal edge of a {@link TopicTrie} in one table: (parent node, word)
 * to child node. One table instead of one per node, because a match probes an
 * edge for every active node and topic word: here a probe touches one record
 * of three adjacent references, compared by identity, where per-node tables
 * cost a chain of dependent loads through scattered objects. Adding an edge
 * is constant time on average, however many children a node has.
 */
final class EdgeTable extends WriteOnceTable {

    private static final int PARENT = 0;
    private static final int WORD = 1;
    private static final int CHILD = 2;
    private static final int WIDTH = 3;

    EdgeTable() {
        super(WIDTH);
    }

    /** The child of {@code parent} along {@code word}, whose {@link TrieNode#seed} would be {@code seed}, or null. */
    @Nullable TrieNode child(TrieNode parent, Word word, int seed) {
        Object[] records = records();
        int offset = offsetOf(records, parent, word, seed);
        return offset < 0 ? null : (TrieNode) records[offset + CHILD];
    }

    /** Adds an edge that is not there yet (writer only). */
    void put(TrieNode parent, Word word, TrieNode child) {
        insert(child.seed, parent, word, child);
    }

    /** Removes the edge if it is there (writer only). */
    void remove(TrieNode parent, Word word) {
        int offset = offsetOf(records(), parent, word, TrieNode.childSeed(parent.seed, word.serial));
        if (offset >= 0) {
            removeAt(offset);
        }
    }

    @Override
    int hashOf(Object[] records, int offset) {
        return ((TrieNode) records[offset + CHILD]).seed;
    }

    // An edge is hashed by its child's seed, which a reader computes from the parent's.
    private static int offsetOf(Object[] records, TrieNode parent, Word word, int seed) {
        int mask = records.length / WIDTH - 1;
        for (int slot = mix(seed) & mask; ; slot = (slot + 1) & mask) {
            int offset = slot * WIDTH;
            Object key = keyAt(records, offset + PARENT);
            if (key == null) {
                return -1;
            }
            if (key == parent && records[offset + WORD] == word) {
                return offset;
            }
        }
    }
}
