package io.mpreg.core.pubsub;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * What a subscription listens to: a topic pattern, or a literal topic.
 *
 * <p>Topics and patterns are dot-separated, non-empty words. In a pattern
 * (when {@code exactMatch} is false) the word {@code *} matches exactly one
 * word and the word {@code #} matches zero or more words, anywhere and any
 * number of times. With {@code exactMatch} true the pattern is a literal
 * topic: {@code *} and {@code #} are then ordinary words.
 *
 * @param pattern    the pattern or literal topic text
 * @param exactMatch whether {@code pattern} is a literal topic
 */
public record TopicPattern(String pattern, boolean exactMatch) {

    /** The wildcard word that matches exactly one word. */
    public static final String ONE_WORD = "*";
    /** The wildcard word that matches zero or more words. */
    public static final String ANY_WORDS = "#";

    public TopicPattern {
        Objects.requireNonNull(pattern, "pattern");
        String problem = topicProblem(pattern);
        if (problem != null) {
            throw new IllegalArgumentException("pattern '" + pattern + "' " + problem);
        }
    }

    /** A wildcard pattern. */
    public static TopicPattern of(String pattern) {
        return new TopicPattern(pattern, false);
    }

    /** A literal topic. */
    public static TopicPattern exact(String topic) {
        return new TopicPattern(topic, true);
    }

    /**
     * Why the text is not a valid topic (or pattern), or {@code null} if it is:
     * it must be non-empty and every dot-separated word must be non-empty.
     */
    public static @Nullable String topicProblem(String text) {
        if (text.isEmpty()) {
            return "must not be empty";
        }
        if (text.startsWith(".") || text.endsWith(".") || text.contains("..")) {
            return "must not contain empty words";
        }
        return null;
    }

    /** Whether this pattern contains a wildcard word, so it cannot be looked up as a literal topic. */
    public boolean hasWildcards() {
        if (exactMatch) {
            return false;
        }
        for (String word : words()) {
            if (word.equals(ONE_WORD) || word.equals(ANY_WORDS)) {
                return true;
            }
        }
        return false;
    }

    /** The words of the pattern, in order. */
    public List<String> words() {
        return List.of(split(pattern));
    }

    /**
     * Whether the topic matches this pattern. Linear in the words for patterns
     * with one {@code #}; at worst the product of both lengths.
     */
    public boolean matches(String topic) {
        if (exactMatch) {
            return pattern.equals(topic);
        }
        return matchWords(split(pattern), split(topic));
    }

    /** Splits dot-separated text into its words without a regular expression. */
    public static String[] split(String text) {
        List<String> words = new ArrayList<>(8);
        int start = 0;
        for (int i = text.indexOf('.'); i >= 0; i = text.indexOf('.', start)) {
            words.add(text.substring(start, i));
            start = i + 1;
        }
        words.add(text.substring(start));
        return words.toArray(new String[0]);
    }

    // Glob matching with one backtrack point: '#' plays the role of a glob '*'
    // (any run of words) and '*' that of '?' (exactly one word).
    private static boolean matchWords(String[] pattern, String[] topic) {
        int p = 0;
        int t = 0;
        int lastHash = -1;
        int resumeAt = 0;
        while (t < topic.length) {
            if (p < pattern.length && pattern[p].equals(ANY_WORDS)) {
                lastHash = p++;
                resumeAt = t;
            } else if (p < pattern.length && (pattern[p].equals(ONE_WORD) || pattern[p].equals(topic[t]))) {
                p++;
                t++;
            } else if (lastHash >= 0) {
                p = lastHash + 1;
                t = ++resumeAt;
            } else {
                return false;
            }
        }
        while (p < pattern.length && pattern[p].equals(ANY_WORDS)) {
            p++;
        }
        return p == pattern.length;
    }
}
