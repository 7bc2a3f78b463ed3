package io.mpreg.core.pubsub;

import java.util.regex.Pattern;

/**
 * The simplest correct matcher, for checking the real ones: a pattern becomes
 * a regular expression over the topic written as ".w1.w2...".
 */
public final class ReferenceMatcher {

    private ReferenceMatcher() {
    }

    public static boolean matches(TopicPattern pattern, String topic) {
        if (pattern.exactMatch()) {
            return pattern.pattern().equals(topic);
        }
        StringBuilder regex = new StringBuilder();
        for (String word : pattern.pattern().split("\\.", -1)) {
            switch (word) {
                case "*" -> regex.append("\\.[^.]+");
                case "#" -> regex.append("(?:\\.[^.]+)*");
                default -> regex.append("\\.").append(Pattern.quote(word));
            }
        }
        return Pattern.matches(regex.toString(), "." + topic);
    }
}
