package io.mpreg.core.pubsub.internal;

import java.util.Arrays;

import io.mpreg.core.pubsub.TopicPattern;
import io.mpreg.core.pubsub.internal.WordDictionary.Word;
import org.jspecify.annotations.Nullable;

/**
 * A trie of topic patterns, literal topics included, one edge per pattern
 * word. Readers take no lock; writers (which the caller must serialize)
 * publish every new node before linking it, and unlink a node whose subtree
 * holds no pattern any more, so churn does not grow the trie.
 *
 * <p>Matching runs the trie as an automaton over the topic's words: the set
 * of active nodes advances one word at a time, a {@code #} node staying active
 * on every word. The cost depends on the topic and the patterns that share its
 * words, not on the number of unrelated patterns, and the active set never
 * holds a node twice, so repeated {@code #} words cannot blow up.
 *
 * <p>The layout is chosen for a match that misses every cache: it is bound by
 * dependent memory loads, not by arithmetic. Each topic word is looked up once
 * in the {@link WordDictionary} (by its region of the topic, never copied);
 * after that an active node costs its own few fields plus one probe of the
 * shared {@link EdgeTable}, compared by identity. Literal topics go through
 * the same walk, so a match is one pass with no separate map lookup.
 */
final class TopicTrie {

    private final TrieNode root = new TrieNode(0, false);
    private final WordDictionary words = new WordDictionary();
    private final EdgeTable edges = new EdgeTable();

    void add(TopicPattern pattern, Object value) {
        TrieNode node = root;
        for (String word : TopicPattern.split(pattern.pattern())) {
            node = childOrCreate(node, edgeKind(pattern, word), word);
        }
        Object[] old = node.values;
        Object[] grown = Arrays.copyOf(old, old.length + 1);
        grown[old.length] = value;
        node.values = grown;
    }

    /** Removes one registration of the value under the pattern; false if there was none. */
    boolean remove(TopicPattern pattern, Object value) {
        String[] path = TopicPattern.split(pattern.pattern());
        TrieNode[] nodes = new TrieNode[path.length + 1];
        nodes[0] = root;
        for (int depth = 0; depth < path.length; depth++) {
            TrieNode child = child(nodes[depth], edgeKind(pattern, path[depth]), path[depth]);
            if (child == null) {
                return false;
            }
            nodes[depth + 1] = child;
        }
        TrieNode end = nodes[path.length];
        Object[] old = end.values;
        int index = indexOf(old, value);
        if (index < 0) {
            return false;
        }
        Object[] shrunk = new Object[old.length - 1];
        System.arraycopy(old, 0, shrunk, 0, index);
        System.arraycopy(old, index + 1, shrunk, index, shrunk.length - index);
        end.values = shrunk.length == 0 ? TrieNode.NO_VALUES : shrunk;
        for (int depth = path.length - 1; depth >= 0 && nodes[depth + 1].isEmpty(); depth--) {
            unlink(nodes[depth], edgeKind(pattern, path[depth]), path[depth]);
        }
        return true;
    }

    /** The values of every pattern matching the topic (duplicates possible), in a new array or an empty one. */
    Object[] collect(String topic) {
        ActiveSet active = new ActiveSet();
        ActiveSet next = new ActiveSet();
        active.enter(root, root.seed);
        int length = topic.length();
        for (int start = 0; start <= length; ) {
            int end = topic.indexOf('.', start);
            if (end < 0) {
                end = length;
            }
            Word word = words.find(topic, start, end);
            next.count = 0;
            for (int i = 0; i < active.count; i++) {
                TrieNode node = active.nodes[i];
                int seed = active.seeds[i];
                if (word != null && node.mayHaveChild(word.filterBit)) {
                    int childSeed = TrieNode.childSeed(seed, word.serial);
                    TrieNode child = edges.child(node, word, childSeed);
                    if (child != null) {
                        next.enter(child, childSeed);
                    }
                }
                if (node.anyWords) {
                    next.enter(node, seed);
                }
                TrieNode one = node.oneWord;
                if (one != null) {
                    next.enter(one, TrieNode.childSeed(seed, TrieNode.ONE_WORD_LABEL));
                }
            }
            if (next.count == 0) {
                return TrieNode.NO_VALUES;
            }
            ActiveSet swap = active;
            active = next;
            next = swap;
            start = end + 1;
        }
        return active.values();
    }

    /** The nodes active after a prefix of the topic, each at most once, with their seeds. */
    private static final class ActiveSet {
        TrieNode[] nodes = new TrieNode[8];
        int[] seeds = new int[8];
        int count;

        // Activates a node and, since '#' may match zero words, the '#' nodes right below it.
        void enter(TrieNode node, int seed) {
            int currentSeed = seed;
            for (TrieNode current = node; current != null; current = current.manyWords) {
                for (int i = 0; i < count; i++) {
                    if (nodes[i] == current) {
                        return;
                    }
                }
                if (count == nodes.length) {
                    nodes = Arrays.copyOf(nodes, count * 2);
                    seeds = Arrays.copyOf(seeds, count * 2);
                }
                nodes[count] = current;
                seeds[count++] = currentSeed;
                currentSeed = TrieNode.childSeed(currentSeed, TrieNode.MANY_WORDS_LABEL);
            }
        }

        Object[] values() {
            Object[][] found = new Object[count][];
            int total = 0;
            for (int i = 0; i < count; i++) {
                found[i] = nodes[i].values;
                total += found[i].length;
            }
            if (total == 0) {
                return TrieNode.NO_VALUES;
            }
            Object[] all = new Object[total];
            int at = 0;
            for (Object[] values : found) {
                System.arraycopy(values, 0, all, at, values.length);
                at += values.length;
            }
            return all;
        }
    }

    private enum EdgeKind { LITERAL, ONE_WORD, MANY_WORDS }

    private static EdgeKind edgeKind(TopicPattern pattern, String word) {
        if (pattern.exactMatch()) {
            return EdgeKind.LITERAL;
        }
        if (word.equals(TopicPattern.ANY_WORDS)) {
            return EdgeKind.MANY_WORDS;
        }
        return word.equals(TopicPattern.ONE_WORD) ? EdgeKind.ONE_WORD : EdgeKind.LITERAL;
    }

    private @Nullable TrieNode child(TrieNode node, EdgeKind kind, String word) {
        return switch (kind) {
            case MANY_WORDS -> node.manyWords;
            case ONE_WORD -> node.oneWord;
            case LITERAL -> {
                Word known = words.find(word);
                yield known == null ? null : edges.child(node, known, TrieNode.childSeed(node.seed, known.serial));
            }
        };
    }

    private TrieNode childOrCreate(TrieNode node, EdgeKind kind, String word) {
        TrieNode existing = child(node, kind, word);
        if (existing != null) {
            return existing;
        }
        switch (kind) {
            case MANY_WORDS -> {
                TrieNode child = new TrieNode(TrieNode.childSeed(node.seed, TrieNode.MANY_WORDS_LABEL), true);
                node.manyWords = child;
                return child;
            }
            case ONE_WORD -> {
                TrieNode child = new TrieNode(TrieNode.childSeed(node.seed, TrieNode.ONE_WORD_LABEL), false);
                node.oneWord = child;
                return child;
            }
            default -> {
                Word label = words.acquire(word);
                TrieNode child = new TrieNode(TrieNode.childSeed(node.seed, label.serial), false);
                node.noteChild(label.filterBit);
                edges.put(node, label, child);
                node.literalChildren++;
                return child;
            }
        }
    }

    private void unlink(TrieNode node, EdgeKind kind, String word) {
        switch (kind) {
            case MANY_WORDS -> node.manyWords = null;
            case ONE_WORD -> node.oneWord = null;
            case LITERAL -> {
                Word known = words.find(word);
                if (known != null) {
                    edges.remove(node, known);
                    node.literalChildren--;
                    words.release(known);
                }
            }
        }
    }

    private static int indexOf(Object[] values, Object value) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] == value) {
                return i;
            }
        }
        return -1;
    }
}
