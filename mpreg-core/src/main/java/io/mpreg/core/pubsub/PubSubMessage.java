package io.mpreg.core.pubsub;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;

import io.mpreg.core.pubsub.internal.JsonText;
import io.mpreg.core.wire.Fields;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.NullNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One published message, as it travels inside {@code pubsub-publish} and
 * {@code pubsub-notification} frames. Immutable; equal when every component is.
 *
 * <p>A message read from a frame keeps its payload as the JSON text it was
 * sent as and parses it only if {@link #payload()} is asked for: a node
 * passing messages from publishers to subscribers never builds the payload's tree.
 */
public final class PubSubMessage {

    // Messages stamped within one millisecond share their time, so its text is made once for all of them.
    private static volatile SecondsText lastSecondsText = new SecondsText(Double.NaN, "");

    private record SecondsText(double seconds, String text, byte[] utf8) {
        SecondsText(double seconds, String text) {
            this(seconds, text, JsonText.ascii(text));
        }
    }

    // The fixed parts of the message object, between its values.
    private static final byte[] TOPIC_FIELD = JsonText.ascii("{\"topic\":\"");
    private static final byte[] PAYLOAD_FIELD = JsonText.ascii("\",\"payload\":");
    private static final byte[] MESSAGE_ID_FIELD = JsonText.ascii(",\"message_id\":\"");
    private static final byte[] PUBLISHER_FIELD = JsonText.ascii("\",\"publisher\":\"");
    private static final byte[] TIMESTAMP_FIELD = JsonText.ascii("\",\"timestamp\":");
    private static final byte[] HEADERS_FIELD = JsonText.ascii(",\"headers\":");
    private static final byte[] END = JsonText.ascii("}");
    private static final byte[] NULL = JsonText.ascii("null");
    private static final byte[] NO_HEADERS = JsonText.ascii("{}");
    private static final int FIXED_LENGTH = TOPIC_FIELD.length + PAYLOAD_FIELD.length + MESSAGE_ID_FIELD.length
            + PUBLISHER_FIELD.length + TIMESTAMP_FIELD.length + HEADERS_FIELD.length + END.length;

    private final String topic;
    private final JsonPayload payload;
    private final String messageId;
    private final String publisher;
    private final @Nullable Double timestamp;
    private final Map<String, JsonNode> headers;

    /**
     * @param topic     the dot-separated topic it was published on
     * @param payload   any JSON value
     * @param messageId the publisher's id for the message
     * @param publisher who published it (free text, may be empty)
     * @param timestamp seconds since the epoch, as sent by the publisher; {@code null} until the exchange stamps it
     * @param headers   free-form metadata
     * @throws IllegalArgumentException if the topic is not a valid topic
     */
    public PubSubMessage(String topic, JsonNode payload, String messageId, String publisher,
            @Nullable Double timestamp, Map<String, JsonNode> headers) {
        this(validTopic(topic), JsonPayload.of(payload), messageId, publisher, timestamp, headers);
    }

    private PubSubMessage(String checkedTopic, JsonPayload payload, String messageId, String publisher,
            @Nullable Double timestamp, Map<String, JsonNode> headers) {
        this.topic = checkedTopic;
        this.payload = payload;
        this.messageId = Objects.requireNonNull(messageId, "messageId");
        this.publisher = Objects.requireNonNull(publisher, "publisher");
        this.timestamp = timestamp;
        this.headers = Map.copyOf(headers);
    }

    /** A message with a payload and no headers, for publishing from code on the node. */
    public static PubSubMessage of(String topic, JsonNode payload, String messageId, String publisher,
            double timestamp) {
        return new PubSubMessage(topic, payload, messageId, publisher, timestamp, Map.of());
    }

    /**
     * A message read from a frame, its topic already validated and its payload
     * still the UTF-8 bytes it was sent as (shared, not copied).
     */
    static PubSubMessage read(String topic, byte[] payloadJson, JsonMapper mapper, String messageId, String publisher,
            @Nullable Double timestamp, Map<String, JsonNode> headers) {
        return new PubSubMessage(topic, JsonPayload.ofUtf8(payloadJson, mapper), messageId, publisher, timestamp,
                headers);
    }

    /** The dot-separated topic it was published on. */
    public String topic() {
        return topic;
    }

    /** The payload, any JSON value. */
    public JsonNode payload() {
        return payload.node();
    }

    /** The publisher's id for the message. */
    public String messageId() {
        return messageId;
    }

    /** Who published it (free text, may be empty). */
    public String publisher() {
        return publisher;
    }

    /** Seconds since the epoch, as sent by the publisher; {@code null} until the exchange stamps it. */
    public @Nullable Double timestamp() {
        return timestamp;
    }

    /** Free-form metadata. */
    public Map<String, JsonNode> headers() {
        return headers;
    }

    /** This message with the given time if it has none yet. */
    public PubSubMessage stampedIfAbsent(double epochSeconds) {
        return timestamp != null ? this
                : new PubSubMessage(topic, payload, messageId, publisher, epochSeconds, headers);
    }

    /**
     * This message as the JSON object it is inside publish and notification
     * frames: the payload goes in as it was received.
     */
    public String toJson(JsonMapper mapper) {
        return new String(toUtf8(mapper), StandardCharsets.UTF_8);
    }

    /**
     * This message's {@link #toJson} in UTF-8, assembled as bytes: what subscribers
     * are sent, and what the backlog's byte bound counts.
     */
    byte[] toUtf8(JsonMapper mapper) {
        byte[] payloadJson = payload.utf8(mapper);
        byte[] time = timestamp == null ? NULL : plainSecondsText(timestamp).utf8();
        byte[] headersJson = headers.isEmpty() ? NO_HEADERS : mapper.writeValueAsBytes(headers);
        int length = FIXED_LENGTH + topic.length() + payloadJson.length + messageId.length() + publisher.length()
                + time.length + headersJson.length;
        return JsonText.builder(length).raw(TOPIC_FIELD).escaped(topic).raw(PAYLOAD_FIELD).raw(payloadJson)
                .raw(MESSAGE_ID_FIELD).escaped(messageId).raw(PUBLISHER_FIELD).escaped(publisher)
                .raw(TIMESTAMP_FIELD).raw(time).raw(HEADERS_FIELD).raw(headersJson).raw(END).build();
    }

    void writeTo(JsonGenerator g) {
        g.writeStartObject();
        g.writeStringProperty("topic", topic);
        g.writeName("payload");
        payload.writeTo(g);
        g.writeStringProperty("message_id", messageId);
        g.writeStringProperty("publisher", publisher);
        g.writeName("timestamp");
        if (timestamp == null) {
            g.writeNull();
        } else {
            g.writeNumber(plainSeconds(timestamp));
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

    /**
     * Seconds in plain notation ("1700000000.123"), as original clients send
     * them, never "1.700000000123E9". Times made from a clock's milliseconds,
     * the usual case, are written from those milliseconds.
     */
    static String plainSeconds(double seconds) {
        return plainSecondsText(seconds).text();
    }

    private static SecondsText plainSecondsText(double seconds) {
        SecondsText last = lastSecondsText;
        if (last.seconds() == seconds) {
            return last;
        }
        SecondsText made = new SecondsText(seconds, formattedSeconds(seconds));
        lastSecondsText = made;
        return made;
    }

    private static String formattedSeconds(double seconds) {
        long millis = Math.round(seconds * 1000);
        if (seconds < 0 || seconds >= 1e12 || millis / 1000.0 != seconds) {
            return BigDecimal.valueOf(seconds).toPlainString();
        }
        int fraction = (int) (millis % 1000);
        // Whole seconds keep ".0", so clients in languages telling ints from floats read a float.
        String digits = fraction % 100 == 0 ? String.valueOf(fraction / 100)
                : fraction % 10 == 0 ? String.valueOf(100 + fraction / 10).substring(1)
                : String.valueOf(1000 + fraction).substring(1);
        return millis / 1000 + "." + digits;
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
        return new PubSubMessage(topic, JsonPayload.of(payload == null ? NullNode.getInstance() : payload), messageId,
                publisher == null ? "" : publisher, fields.optionalNumber(message, "timestamp"),
                fields.optionalMap(message, "headers"));
    }

    private static String validTopic(String topic) {
        Objects.requireNonNull(topic, "topic");
        String problem = TopicPattern.topicProblem(topic);
        if (problem != null) {
            throw new IllegalArgumentException("topic '" + topic + "' " + problem);
        }
        return topic;
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof PubSubMessage that && topic.equals(that.topic) && payload.equals(that.payload)
                && messageId.equals(that.messageId) && publisher.equals(that.publisher)
                && Objects.equals(timestamp, that.timestamp) && headers.equals(that.headers);
    }

    @Override
    public int hashCode() {
        return Objects.hash(topic, payload, messageId, publisher, timestamp, headers);
    }

    @Override
    public String toString() {
        return "PubSubMessage[topic=" + topic + ", payload=" + payload + ", messageId=" + messageId + ", publisher="
                + publisher + ", timestamp=" + timestamp + ", headers=" + headers + "]";
    }
}
