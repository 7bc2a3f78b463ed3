package io.mpreg.core.pubsub;

import java.util.List;
import java.util.Objects;

/**
 * One live subscription of a node, as listed for operators.
 *
 * @param connectionId   the connection it belongs to ({@code in-process-N} for code on the node)
 * @param subscriptionId the client's id for it
 * @param patterns       its patterns, as written ({@code exact_match} ones prefixed with {@code =})
 * @param subscriber     who subscribed (free text, may be empty)
 */
public record SubscriptionView(String connectionId, String subscriptionId, List<String> patterns, String subscriber) {

    public SubscriptionView {
        Objects.requireNonNull(connectionId, "connectionId");
        Objects.requireNonNull(subscriptionId, "subscriptionId");
        Objects.requireNonNull(subscriber, "subscriber");
        patterns = List.copyOf(patterns);
    }
}
