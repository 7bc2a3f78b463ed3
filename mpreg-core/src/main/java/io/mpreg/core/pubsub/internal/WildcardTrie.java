package io.mpreg.core.pubsub.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

import io.mpreg.core.pubsub.TopicPattern;
import org.jspecify.annotations.Nullable;

/**
 * A trie of wildcard patterns, one edge per pattern word. Readers take no
 * lock: children live in concurrent maps and values in copy-on-write arrays.
 * Writers must be serialized by the caller.
 *
 * <p>Matching runs the trie as an automaton over the topic's words: the set
 * of active nodes advances one word at a time, a {@code #} node staying active
 * on every word. The cost depends on the topic and the patterns that share its
 * words, not on the number of unrelated patterns, and the active set never
 * holds a node twice, so repeated {@code #} words cannot blow up.
 */
final class WildcardTrie<V> {

    private static final Object[] NONE = new Object[0];

    private static final class Node {
        final boolean anyWords;
        volatile @Nullable ConcurrentHashMap<String, Node> literals;
        volatile @Nullable Node oneWord;
        volatile @Nullable Node manyWords;
        volatile Object[] values = NONE;

        Node(boolean anyWords) {
            this.anyWords = anyWords;
        }

        boolean isEmpty() {
            ConcurrentHashMap<String, Node> children = literals;
            return values.length == 0 && oneWord == null && manyWords == null
                    && (children == null || children.isEmpty());
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

    /** Adds the values of every pattern matching the topic's words to {@code out} (duplicates possible). */
    @SuppressWarnings("unchecked")
    void collect(String[] topic, List<V> out) {
        List<Node> active = new ArrayList<>(4);
        List<Node> next = new ArrayList<>(4);
        enter(active, root);
        for (String word : topic) {
            next.clear();
            for (int i = 0; i < active.size(); i++) {
                Node node = active.get(i);
                if (node.anyWords) {
                    enter(next, node);
                }
                ConcurrentHashMap<String, Node> children = node.literals;
                if (children != null) {
                    Node child = children.get(word);
                    if (child != null) {
                        enter(next, child);
                    }
                }
                Node one = node.oneWord;
                if (one != null) {
                    enter(next, one);
                }
            }
            if (next.isEmpty()) {
                return;
            }
            List<Node> swap = active;
            active = next;
            next = swap;
        }
        for (int i = 0; i < active.size(); i++) {
            for (Object value : active.get(i).values) {
                out.add((V) value);
            }
        }
    }

    // Activates a node and, since '#' may match zero words, the '#' nodes right below it.
    private static void enter(List<Node> active, Node node) {
        for (Node current = node; current != null; current = current.manyWords) {
            for (int i = 0; i < active.size(); i++) {
                if (active.get(i) == current) {
                    return;
                }
            }
            active.add(current);
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
        ConcurrentHashMap<String, Node> children = node.literals;
        if (children == null) {
            children = new ConcurrentHashMap<>(2);
            node.literals = children;
        }
        return children.computeIfAbsent(word, w -> new Node(false));
    }

    private static @Nullable Node child(Node node, String word) {
        if (word.equals(TopicPattern.ANY_WORDS)) {
            return node.manyWords;
        }
        if (word.equals(TopicPattern.ONE_WORD)) {
            return node.oneWord;
        }
        ConcurrentHashMap<String, Node> children = node.literals;
        return children == null ? null : children.get(word);
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
            ConcurrentHashMap<String, Node> children = node.literals;
            if (children != null) {
                children.remove(word);
            }
        }
    }
}
