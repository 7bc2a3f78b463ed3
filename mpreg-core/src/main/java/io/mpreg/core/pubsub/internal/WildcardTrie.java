package io.mpreg.core.pubsub.internal;

import java.util.Arrays;
import java.util.List;

import io.mpreg.core.pubsub.TopicPattern;
import org.jspecify.annotations.Nullable;

/**
 * A trie of wildcard patterns, one edge per pattern word. Readers take no
 * lock: each node's literal children live in an immutable {@link WordTable}
 * and its values in an array, both replaced whole (copy-on-write) by writers,
 * which the caller must serialize.
 *
 * <p>Matching runs the trie as an automaton over the topic's words: the set
 * of active nodes advances one word at a time, a {@code #} node staying active
 * on every word. The cost depends on the topic and the patterns that share its
 * words, not on the number of unrelated patterns, and the active set never
 * holds a node twice, so repeated {@code #} words cannot blow up. A topic is
 * walked in place: each word is hashed once and looked up by its region of
 * the topic string, never copied out of it.
 */
final class WildcardTrie<V> {

    private static final Object[] NONE = new Object[0];

    private static final class Node {
        final boolean anyWords;
        volatile WordTable<Node> literals = WordTable.empty();
        volatile @Nullable Node oneWord;
        volatile @Nullable Node manyWords;
        volatile Object[] values = NONE;

        Node(boolean anyWords) {
            this.anyWords = anyWords;
        }

        boolean isEmpty() {
            return values.length == 0 && oneWord == null && manyWords == null && literals.size() == 0;
        }
    }

    private final Node root = new Node(false);

    void add(String[] words, V value) {
        Node node = root;
        for (String word : words) {
            node = childOrCreate(node, word);
        }
        Object[] old = node.values;
        Object[] grown = Arrays.copyOf(old, old.length + 1);
        grown[old.length] = value;
        node.values = grown;
    }

    boolean remove(String[] words, V value) {
        return remove(root, words, 0, value);
    }

    /** Adds the values of every pattern matching the topic to {@code out} (duplicates possible). */
    @SuppressWarnings("unchecked")
    void collect(String topic, List<V> out) {
        ActiveSet active = new ActiveSet();
        ActiveSet next = new ActiveSet();
        active.enter(root);
        int start = 0;
        int length = topic.length();
        while (start <= length) {
            int end = topic.indexOf('.', start);
            if (end < 0) {
                end = length;
            }
            int hash = WordTable.hash(topic, start, end);
            next.count = 0;
            for (int i = 0; i < active.count; i++) {
                Node node = active.nodes[i];
                if (node.anyWords) {
                    next.enter(node);
                }
                Node child = node.literals.get(topic, start, end, hash);
                if (child != null) {
                    next.enter(child);
                }
                Node one = node.oneWord;
                if (one != null) {
                    next.enter(one);
                }
            }
            if (next.count == 0) {
                return;
            }
            ActiveSet swap = active;
            active = next;
            next = swap;
            start = end + 1;
        }
        for (int i = 0; i < active.count; i++) {
            for (Object value : active.nodes[i].values) {
                out.add((V) value);
            }
        }
    }

    /** The nodes active after a prefix of the topic, each at most once. */
    private static final class ActiveSet {
        Node[] nodes = new Node[8];
        int count;

        // Activates a node and, since '#' may match zero words, the '#' nodes right below it.
        void enter(Node node) {
            for (Node current = node; current != null; current = current.manyWords) {
                for (int i = 0; i < count; i++) {
                    if (nodes[i] == current) {
                        return;
                    }
                }
                if (count == nodes.length) {
                    nodes = Arrays.copyOf(nodes, count * 2);
                }
                nodes[count++] = current;
            }
        }
    }

    private static Node childOrCreate(Node node, String word) {
        if (word.equals(TopicPattern.ANY_WORDS)) {
            Node child = node.manyWords;
            if (child == null) {
                child = new Node(true);
                node.manyWords = child;
            }
            return child;
        }
        if (word.equals(TopicPattern.ONE_WORD)) {
            Node child = node.oneWord;
            if (child == null) {
                child = new Node(false);
                node.oneWord = child;
            }
            return child;
        }
        Node child = node.literals.get(word);
        if (child == null) {
            child = new Node(false);
            node.literals = node.literals.with(word, child);
        }
        return child;
    }

    private static @Nullable Node child(Node node, String word) {
        if (word.equals(TopicPattern.ANY_WORDS)) {
            return node.manyWords;
        }
        if (word.equals(TopicPattern.ONE_WORD)) {
            return node.oneWord;
        }
        return node.literals.get(word);
    }

    private boolean remove(Node node, String[] words, int depth, Object value) {
        if (depth == words.length) {
            Object[] old = node.values;
            for (int i = 0; i < old.length; i++) {
                if (old[i] == value) {
                    Object[] shrunk = new Object[old.length - 1];
                    System.arraycopy(old, 0, shrunk, 0, i);
                    System.arraycopy(old, i + 1, shrunk, i, old.length - i - 1);
                    node.values = shrunk.length == 0 ? NONE : shrunk;
                    return true;
                }
            }
            return false;
        }
        String word = words[depth];
        Node child = child(node, word);
        if (child == null || !remove(child, words, depth + 1, value)) {
            return false;
        }
        if (child.isEmpty()) {
            prune(node, word);
        }
        return true;
    }

    private static void prune(Node node, String word) {
        if (word.equals(TopicPattern.ANY_WORDS)) {
            node.manyWords = null;
        } else if (word.equals(TopicPattern.ONE_WORD)) {
            node.oneWord = null;
        } else {
            node.literals = node.literals.without(word);
        }
    }
}
