package io.mpreg.core.pubsub;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;

import io.mpreg.core.wire.Fields;
import io.mpreg.core.wire.WireCodec;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.NullNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * One published message, as it travels inside {@code pubsub-publish} and
 * {@code pubsub-notification} frames.
 *
 * @param topic     the dot-separated topic it was published on
 * @param payload   any JSON value
 * @param messageId the publisher's id for the message
 * @param publisher who published it (free text, may be empty)
 * @param timestamp seconds since the epoch, as sent by the publisher; {@code null} until the exchange stamps it
 * @param headers   free-form metadata
 */
public record PubSubMessage(String topic, JsonNode payload, String messageId, String publisher,
        @Nullable Double timestamp, Map<String, JsonNode> headers) {

    public PubSubMessage {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(publisher, "publisher");
        headers = Map.copyOf(headers);
        String problem = TopicPattern.topicProblem(topic);
        if (problem != null) {
            throw new IllegalArgumentException("topic '" + topic + "' " + problem);
        }
    }

    /** A message with a payload and no headers, for publishing from code on the node. */
    public static PubSubMessage of(String topic, JsonNode payload, String messageId, String publisher,
            double timestamp) {
        return new PubSubMessage(topic, payload, messageId, publisher, timestamp, Map.of());
    }

    /** This message with the given time if it has none yet. */
    public PubSubMessage stampedIfAbsent(double epochSeconds) {
        return timestamp != null ? this
                : new PubSubMessage(topic, payload, messageId, publisher, epochSeconds, headers);
    }

    /** This message as the JSON object it is inside publish and notification frames. */
    public String toJson(JsonMapper mapper) {
        return WireCodec.writeJson(mapper, this::writeTo);
    }

    void writeTo(JsonGenerator g) {
        g.writeStartObject();
        g.writeStringProperty("topic", topic);
        g.writeName("payload");
        g.writePOJO(payload);
        g.writeStringProperty("message_id", messageId);
        g.writeStringProperty("publisher", publisher);
        g.writeName("timestamp");
        if (timestamp == null) {
            g.writeNull();
        } else {
            // Plain notation ("1700000000.123"), as original clients send it, not "1.700000000123E9".
            g.writeNumber(BigDecimal.valueOf(timestamp).toPlainString());
        }
        g.writeName("headers");
        g.writeStartObject();
        for (Map.Entry<String, JsonNode> header : headers.entrySet()) {
            g.writeName(header.getKey());
            g.writePOJO(header.getValue());
        }
        g.writeEndObject();
        g.writeEndObject();
    }

    /** Reads the {@code message} object; {@code message_id} defaults to the frame's {@code u}. */
    static PubSubMessage decode(ObjectNode message, Fields fields) {
        String topic = fields.requireString(message, "topic");
        String problem = TopicPattern.topicProblem(topic);
        if (problem != null) {
            throw fields.reject("field 'message.topic' " + problem);
        }
        JsonNode payload = message.get("payload");
        String messageId = fields.optionalString(message, "message_id");
        if (messageId == null) {
            messageId = fields.requireU();
        }
        String publisher = fields.optionalString(message, "publisher");
        return new PubSubMessage(topic, payload == null ? NullNode.getInstance() : payload, messageId,
                publisher == null ? "" : publisher, fields.optionalNumber(message, "timestamp"),
                fields.optionalMap(message, "headers"));
    }
}
