package io.mpreg.core.pubsub.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import io.mpreg.core.pubsub.internal.WordDictionary.Word;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class EdgeTableTest {

    private final WordDictionary words = new WordDictionary();
    private final EdgeTable edges = new EdgeTable();

    @Test
    void edgesAreKeyedByParentAndWordTogether() {
        TrieNode first = node(1);
        TrieNode second = node(2);
        Word a = words.acquire("a");
        Word b = words.acquire("b");
        TrieNode firstA = put(first, a);
        TrieNode secondA = put(second, a);

        assertThat(child(first, a)).isSameAs(firstA);
        assertThat(child(second, a)).isSameAs(secondA);
        assertThat(child(first, b)).isNull();
    }

    @Test
    void aRemovedEdgeIsGoneAndItsNeighboursStay() {
        TrieNode parent = node(1);
        List<Word> labels = new ArrayList<>();
        List<TrieNode> children = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            labels.add(words.acquire("w" + i));
            children.add(put(parent, labels.get(i)));
        }
        for (int i = 0; i < 100; i += 2) {
            edges.remove(parent, labels.get(i));
        }

        for (int i = 0; i < 100; i++) {
            assertThat(child(parent, labels.get(i))).isSameAs(i % 2 == 0 ? null : children.get(i));
        }
        assertThat(edges.size()).isEqualTo(50);
    }

    @Test
    void addingManyChildrenToOneNodeIsFastAndKeepsThemAll() {
        TrieNode parent = node(1);
        Word[] labels = new Word[100_000];
        TrieNode[] children = new TrieNode[labels.length];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = words.acquire("user" + i);
            children[i] = put(parent, labels[i]);
        }

        for (int i = 0; i < labels.length; i++) {
            assertThat(child(parent, labels[i])).isSameAs(children[i]);
        }
    }

    private static TrieNode node(int seed) {
        return new TrieNode(seed, false);
    }

    private TrieNode put(TrieNode parent, Word word) {
        TrieNode child = new TrieNode(TrieNode.childSeed(parent.seed, word.serial), false);
        edges.put(parent, word, child);
        return child;
    }

    private @Nullable TrieNode child(TrieNode parent, Word word) {
        return edges.child(parent, word, TrieNode.childSeed(parent.seed, word.serial));
    }
}
