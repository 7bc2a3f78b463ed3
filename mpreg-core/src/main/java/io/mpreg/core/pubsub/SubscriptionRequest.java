package io.mpreg.core.pubsub;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.mpreg.core.wire.Fields;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code subscription} object of a {@code pubsub-subscribe} frame.
 *
 * @param subscriptionId  the client's id for the subscription, unique on its connection
 * @param patterns        what it listens to (at least one)
 * @param subscriber      who subscribes (free text, may be empty)
 * @param getBacklog      whether retained messages are replayed first
 * @param backlogSeconds  how far back the replay reaches, or {@code null} for the node's whole window
 */
public record SubscriptionRequest(String subscriptionId, List<TopicPattern> patterns, String subscriber,
        boolean getBacklog, @Nullable Double backlogSeconds) {

    public SubscriptionRequest {
        Objects.requireNonNull(subscriptionId, "subscriptionId");
        Objects.requireNonNull(subscriber, "subscriber");
        patterns = List.copyOf(patterns);
        if (patterns.isEmpty()) {
            throw new IllegalArgumentException("a subscription needs at least one pattern");
        }
    }

    /** A subscription without backlog replay. */
    public static SubscriptionRequest of(String subscriptionId, TopicPattern... patterns) {
        return new SubscriptionRequest(subscriptionId, List.of(patterns), "", false, null);
    }

    /** The same subscription, asking for the retained messages of the last {@code seconds}. */
    public SubscriptionRequest withBacklog(double seconds) {
        return new SubscriptionRequest(subscriptionId, patterns, subscriber, true, seconds);
    }

    void writeTo(JsonGenerator g) {
        g.writeStartObject();
        g.writeStringProperty("subscription_id", subscriptionId);
        g.writeName("patterns");
        g.writeStartArray();
        for (TopicPattern pattern : patterns) {
            g.writeStartObject();
            g.writeStringProperty("pattern", pattern.pattern());
            g.writeBooleanProperty("exact_match", pattern.exactMatch());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeStringProperty("subscriber", subscriber);
        g.writeBooleanProperty("get_backlog", getBacklog);
        if (backlogSeconds != null) {
            g.writeNumberProperty("backlog_seconds", backlogSeconds);
        }
        g.writeEndObject();
    }

    static SubscriptionRequest decode(ObjectNode subscription, Fields fields) {
        String id = fields.requireString(subscription, "subscription_id");
        List<JsonNode> rawPatterns = fields.requireArray(subscription, "patterns");
        if (rawPatterns.isEmpty()) {
            throw fields.reject("field 'subscription.patterns' must not be empty");
        }
        List<TopicPattern> patterns = new ArrayList<>(rawPatterns.size());
        for (JsonNode raw : rawPatterns) {
            patterns.add(decodePattern(raw, fields));
        }
        String subscriber = fields.optionalString(subscription, "subscriber");
        boolean getBacklog = optionalBoolean(subscription, "get_backlog", fields);
        Double seconds = fields.optionalNumber(subscription, "backlog_seconds");
        if (seconds != null && !(seconds >= 0)) {
            throw fields.reject("field 'subscription.backlog_seconds' must be a non-negative number");
        }
        return new SubscriptionRequest(id, patterns, subscriber == null ? "" : subscriber, getBacklog, seconds);
    }

    private static TopicPattern decodePattern(JsonNode raw, Fields fields) {
        if (raw.isString()) {
            return checked(raw.stringValue(), false, fields);
        }
        if (!raw.isObject()) {
            throw fields.reject("every element of 'subscription.patterns' must be an object");
        }
        ObjectNode pattern = (ObjectNode) raw;
        return checked(fields.requireString(pattern, "pattern"), optionalBoolean(pattern, "exact_match", fields),
                fields);
    }

    private static TopicPattern checked(String text, boolean exact, Fields fields) {
        String problem = TopicPattern.topicProblem(text);
        if (problem != null) {
            throw fields.reject("pattern '" + text + "' " + problem);
        }
        return new TopicPattern(text, exact);
    }

    private static boolean optionalBoolean(ObjectNode object, String field, Fields fields) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            throw fields.reject("field '" + field + "' must be a boolean");
        }
        return value.booleanValue();
    }
}
