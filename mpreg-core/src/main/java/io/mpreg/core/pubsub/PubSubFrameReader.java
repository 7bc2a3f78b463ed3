package io.mpreg.core.pubsub;

import java.util.HashMap;
import java.util.Map;

import io.mpreg.core.wire.FrameReader;
import io.mpreg.core.wire.StreamingFrameDecoder;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;

/**
 * Streaming decoders of the frames that carry a message (publish and
 * notification): the payload is kept as the text it was sent as. They give
 * up on anything but the plain shape (a field of an unexpected type, a
 * repeated field, an invalid topic), leaving the frame to the tree decoders,
 * which answer it the same way or reject it.
 */
final class PubSubFrameReader {

    private static final String NULL_PAYLOAD = "null";
    // Bits of the message fields, to notice one sent twice.
    private static final int TOPIC = 1;
    private static final int PAYLOAD = 2;
    private static final int MESSAGE_ID = 4;
    private static final int PUBLISHER = 8;
    private static final int TIMESTAMP = 16;
    private static final int HEADERS = 32;

    private PubSubFrameReader() {
    }

    /** Decodes a {@code pubsub-publish} frame; see {@link StreamingFrameDecoder}. */
    static @Nullable PubSubPublish publish(FrameReader frame) {
        Envelope envelope = envelope(frame, false);
        if (envelope == null || envelope.u == null || envelope.message == null) {
            return null;
        }
        PubSubMessage message = envelope.message.toMessage(envelope.u, frame);
        return message == null ? null : new PubSubPublish(envelope.u, message);
    }

    /** Decodes a {@code pubsub-notification} frame; see {@link StreamingFrameDecoder}. */
    static @Nullable PubSubNotification notification(FrameReader frame) {
        Envelope envelope = envelope(frame, true);
        if (envelope == null || envelope.u == null || envelope.message == null || envelope.subscriptionId == null) {
            return null;
        }
        PubSubMessage message = envelope.message.toMessage(envelope.u, frame);
        return message == null ? null : new PubSubNotification(envelope.u, envelope.subscriptionId, message);
    }

    /** The fields of a frame around its message. */
    private static final class Envelope {
        @Nullable String u;
        @Nullable String subscriptionId;
        @Nullable MessageFields message;
    }

    /** The fields of a message object as read, before defaults are applied. */
    private static final class MessageFields {
        @Nullable String topic;
        @Nullable String payload;
        @Nullable String messageId;
        @Nullable String publisher;
        @Nullable Double timestamp;
        @Nullable Map<String, JsonNode> headers;
        int seen;

        @Nullable PubSubMessage toMessage(String u, FrameReader frame) {
            if (topic == null || TopicPattern.topicProblem(topic) != null) {
                return null;
            }
            return PubSubMessage.read(topic, payload == null ? NULL_PAYLOAD : payload, frame.mapper(),
                    messageId == null ? u : messageId, publisher == null ? "" : publisher, timestamp,
                    headers == null ? Map.of() : headers);
        }
    }

    private static @Nullable Envelope envelope(FrameReader frame, boolean withSubscription) {
        JsonParser parser = frame.parser();
        Envelope envelope = new Envelope();
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_OBJECT; token = parser.nextToken()) {
            if (token != JsonToken.PROPERTY_NAME) {
                return null;
            }
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (name) {
                case "u" -> {
                    if (envelope.u != null || value != JsonToken.VALUE_STRING) {
                        return null;
                    }
                    envelope.u = parser.getString();
                }
                case "subscription_id" -> {
                    if (!withSubscription) {
                        parser.skipChildren();
                    } else if (envelope.subscriptionId != null || value != JsonToken.VALUE_STRING) {
                        return null;
                    } else {
                        envelope.subscriptionId = parser.getString();
                    }
                }
                case "message" -> {
                    if (envelope.message != null || value != JsonToken.START_OBJECT) {
                        return null;
                    }
                    envelope.message = message(frame);
                    if (envelope.message == null) {
                        return null;
                    }
                }
                case "role" -> {
                    return null;
                }
                default -> parser.skipChildren();
            }
        }
        return envelope;
    }

    private static @Nullable MessageFields message(FrameReader frame) {
        JsonParser parser = frame.parser();
        MessageFields fields = new MessageFields();
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_OBJECT; token = parser.nextToken()) {
            if (token != JsonToken.PROPERTY_NAME) {
                return null;
            }
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            int field = fieldBit(name);
            if ((fields.seen & field) != 0) {
                return null;
            }
            fields.seen |= field;
            boolean read = switch (field) {
                case TOPIC -> (fields.topic = stringOrNull(parser, value)) != null;
                case PAYLOAD -> (fields.payload = frame.rawValue()) != null;
                case MESSAGE_ID -> (fields.messageId = stringOrNull(parser, value)) != null
                        || value == JsonToken.VALUE_NULL;
                case PUBLISHER -> (fields.publisher = stringOrNull(parser, value)) != null
                        || value == JsonToken.VALUE_NULL;
                case TIMESTAMP -> readTimestamp(parser, value, fields);
                case HEADERS -> readHeaders(frame, value, fields);
                default -> parser.skipChildren() != null;
            };
            if (!read) {
                return null;
            }
        }
        return fields;
    }

    private static int fieldBit(String name) {
        return switch (name) {
            case "topic" -> TOPIC;
            case "payload" -> PAYLOAD;
            case "message_id" -> MESSAGE_ID;
            case "publisher" -> PUBLISHER;
            case "timestamp" -> TIMESTAMP;
            case "headers" -> HEADERS;
            default -> 0;
        };
    }

    private static @Nullable String stringOrNull(JsonParser parser, JsonToken value) {
        return value == JsonToken.VALUE_STRING ? parser.getString() : null;
    }

    private static boolean readTimestamp(JsonParser parser, JsonToken value, MessageFields fields) {
        if (value == JsonToken.VALUE_NULL) {
            return true;
        }
        if (!value.isNumeric()) {
            return false;
        }
        fields.timestamp = parser.getDoubleValue();
        return true;
    }

    private static boolean readHeaders(FrameReader frame, JsonToken value, MessageFields fields) {
        if (value == JsonToken.VALUE_NULL) {
            return true;
        }
        if (value != JsonToken.START_OBJECT) {
            return false;
        }
        JsonNode headers = frame.treeValue();
        Map<String, JsonNode> map = new HashMap<>();
        for (Map.Entry<String, JsonNode> header : headers.properties()) {
            map.put(header.getKey(), header.getValue());
        }
        fields.headers = map;
        return true;
    }
}
