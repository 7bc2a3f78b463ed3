package io.mpreg.core.pubsub;

import java.util.HashMap;
import java.util.Map;

import io.mpreg.core.pubsub.internal.JsonText;
import io.mpreg.core.wire.FrameReader;
import io.mpreg.core.wire.FrameReader.ValueType;
import io.mpreg.core.wire.StreamingFrameDecoder;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Streaming decoders of the frames that carry a message (publish and
 * notification): the payload is kept as the bytes it was sent as. They give
 * up on anything but the plain shape (a field of an unexpected type, a
 * repeated field, an invalid topic), leaving the frame to the tree decoders,
 * which answer it the same way or reject it.
 */
final class PubSubFrameReader {

    private static final byte[] NULL_PAYLOAD = JsonText.ascii("null");
    // Bits of the message fields, to notice one sent twice.
    private static final int TOPIC = 1;
    private static final int PAYLOAD = 2;
    private static final int MESSAGE_ID = 4;
    private static final int PUBLISHER = 8;
    private static final int TIMESTAMP = 16;
    private static final int HEADERS = 32;
    // The fields that a JSON null leaves out, as the tree decoder reads them.
    private static final int ABSENT_WHEN_NULL = MESSAGE_ID | PUBLISHER | TIMESTAMP | HEADERS;

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
        byte @Nullable [] payload;
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
        Envelope envelope = new Envelope();
        while (frame.nextField()) {
            if (frame.fieldIs("u")) {
                if (envelope.u != null || frame.peek() != ValueType.STRING) {
                    return null;
                }
                envelope.u = frame.readString();
            } else if (withSubscription && frame.fieldIs("subscription_id")) {
                if (envelope.subscriptionId != null || frame.peek() != ValueType.STRING) {
                    return null;
                }
                envelope.subscriptionId = frame.readString();
            } else if (frame.fieldIs("message")) {
                if (envelope.message != null || frame.peek() != ValueType.OBJECT) {
                    return null;
                }
                frame.enterObject();
                envelope.message = message(frame);
                if (envelope.message == null) {
                    return null;
                }
            } else if (frame.fieldIs("role")) {
                return null;
            } else {
                frame.skipValue();
            }
        }
        return envelope;
    }

    private static @Nullable MessageFields message(FrameReader frame) {
        MessageFields fields = new MessageFields();
        while (frame.nextField()) {
            int field = fieldBit(frame);
            if ((fields.seen & field) != 0) {
                return null;
            }
            fields.seen |= field;
            ValueType type = frame.peek();
            if (type == ValueType.NULL && (field & ABSENT_WHEN_NULL) != 0) {
                frame.skipValue();
                continue;
            }
            boolean read = switch (field) {
                case TOPIC -> (fields.topic = stringOrNull(frame, type)) != null;
                case PAYLOAD -> {
                    fields.payload = frame.readRawUtf8();
                    yield true;
                }
                case MESSAGE_ID -> (fields.messageId = stringOrNull(frame, type)) != null;
                case PUBLISHER -> (fields.publisher = stringOrNull(frame, type)) != null;
                case TIMESTAMP -> {
                    if (type != ValueType.NUMBER) {
                        yield false;
                    }
                    fields.timestamp = frame.readNumber();
                    yield true;
                }
                case HEADERS -> {
                    if (type != ValueType.OBJECT) {
                        yield false;
                    }
                    fields.headers = headers(frame);
                    yield true;
                }
                default -> skipped(frame);
            };
            if (!read) {
                return null;
            }
        }
        return fields;
    }

    private static int fieldBit(FrameReader frame) {
        if (frame.fieldIs("topic")) {
            return TOPIC;
        }
        if (frame.fieldIs("payload")) {
            return PAYLOAD;
        }
        if (frame.fieldIs("message_id")) {
            return MESSAGE_ID;
        }
        if (frame.fieldIs("publisher")) {
            return PUBLISHER;
        }
        if (frame.fieldIs("timestamp")) {
            return TIMESTAMP;
        }
        return frame.fieldIs("headers") ? HEADERS : 0;
    }

    // A string; null for a value of any other type, which gives the frame up.
    private static @Nullable String stringOrNull(FrameReader frame, ValueType type) {
        return type == ValueType.STRING ? frame.readString() : null;
    }

    private static boolean skipped(FrameReader frame) {
        frame.skipValue();
        return true;
    }

    private static Map<String, JsonNode> headers(FrameReader frame) {
        Map<String, JsonNode> headers = new HashMap<>();
        for (Map.Entry<String, JsonNode> header : frame.readTree().properties()) {
            headers.put(header.getKey(), header.getValue());
        }
        return headers;
    }
}
