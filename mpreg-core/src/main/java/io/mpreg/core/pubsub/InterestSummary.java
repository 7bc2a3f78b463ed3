package io.mpreg.core.pubsub;

import java.util.Objects;
import java.util.Set;

/**
 * What this node's local subscriptions listen to, for a peer deciding
 * whether to forward a message here.
 *
 * @param patterns   the distinct patterns of all local subscriptions
 * @param generation grows whenever local subscriptions change, so a peer can tell a stale summary
 */
public record InterestSummary(Set<TopicPattern> patterns, long generation) {

    public InterestSummary {
        Objects.requireNonNull(patterns, "patterns");
        patterns = Set.copyOf(patterns);
    }

    /** Whether any local subscription may want a message on this topic. */
    public boolean matches(String topic) {
        for (TopicPattern pattern : patterns) {
            if (pattern.matches(topic)) {
                return true;
            }
        }
        return false;
    }
}
