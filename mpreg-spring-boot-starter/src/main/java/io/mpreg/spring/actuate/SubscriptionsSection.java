package io.mpreg.spring.actuate;

import io.mpreg.core.pubsub.PubSubExchange;
import io.mpreg.core.pubsub.PubSubStats;
import io.mpreg.core.pubsub.SubscriptionView;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code subscriptions} section of the {@code mpreg} endpoint: per node
 * (this one), its subscriptions with connection, id, patterns and subscriber, and the counts
 * of its exchange.
 */
final class SubscriptionsSection {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private SubscriptionsSection() {
    }

    /** {@code {"<node>": {"count": n, "subscriptions": [...], "stats": {...}}}}. */
    static ObjectNode describe(String nodeName, PubSubExchange exchange) {
        ObjectNode byNode = JSON.objectNode();
        ObjectNode self = byNode.putObject(nodeName);
        ArrayNode list = self.putArray("subscriptions");
        for (SubscriptionView subscription : exchange.subscriptions()) {
            ObjectNode entry = list.addObject()
                    .put("connection", subscription.connectionId())
                    .put("id", subscription.subscriptionId())
                    .put("subscriber", subscription.subscriber());
            ArrayNode patterns = entry.putArray("patterns");
            subscription.patterns().forEach(patterns::add);
        }
        self.put("count", list.size());
        PubSubStats stats = exchange.stats();
        self.putObject("stats")
                .put("published", stats.published())
                .put("delivered", stats.delivered())
                .put("forwarded", stats.forwarded())
                .put("dropped", stats.dropped())
                .put("disconnects", stats.disconnects())
                .put("connections", stats.connections())
                .put("backlogMessages", stats.backlogMessages())
                .put("backlogBytes", stats.backlogBytes());
        return byNode;
    }
}
