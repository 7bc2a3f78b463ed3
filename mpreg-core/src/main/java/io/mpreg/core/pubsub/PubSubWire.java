package io.mpreg.core.pubsub;

import java.util.Objects;
import java.util.Set;

import io.mpreg.core.wire.Fields;
import io.mpreg.core.wire.FrameRejectedException;
import io.mpreg.core.wire.WireCodec;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.node.ObjectNode;

/** The pub/sub roles of the client protocol, for registering with a {@link WireCodec}. */
public final class PubSubWire {

    /** Every pub/sub role, requests and replies alike. */
    public static final Set<String> ROLES = Set.of(PubSubSubscribe.ROLE, PubSubUnsubscribe.ROLE, PubSubPublish.ROLE,
            PubSubAck.ROLE, PubSubNotification.ROLE);

    private PubSubWire() {
    }

    /**
     * The codec that also decodes every pub/sub role; publish and notification
     * frames are read without building their trees when they name their role first.
     */
    public static WireCodec register(WireCodec codec) {
        Objects.requireNonNull(codec, "codec");
        return codec.withRole(PubSubSubscribe.ROLE, PubSubSubscribe::decode)
                .withRole(PubSubUnsubscribe.ROLE, PubSubUnsubscribe::decode)
                .withRole(PubSubPublish.ROLE, PubSubPublish::decode)
                .withRole(PubSubAck.ROLE, PubSubAck::decode)
                .withRole(PubSubNotification.ROLE, PubSubNotification::decode)
                .withStreamingRole(PubSubPublish.ROLE, PubSubFrameReader::publish)
                .withStreamingRole(PubSubNotification.ROLE, PubSubFrameReader::notification);
    }

    /** Whether a rejected frame was a pub/sub frame, so its answer is an ack rather than an RPC error. */
    public static boolean isPubSubRole(FrameRejectedException rejection) {
        return rejection.role() != null && ROLES.contains(rejection.role());
    }

    /**
     * The answer to a pub/sub frame the codec rejected: a failed ack naming the
     * bad field, with {@code error_code} 1005 ({@code MALFORMED}).
     */
    public static PubSubAck rejectionAck(FrameRejectedException rejection) {
        return PubSubAck.failed(rejection.u(), rejection);
    }

    /** Writes a message as the {@code message} object of pub/sub frames (for frames of other roles carrying one). */
    public static void writeMessage(PubSubMessage message, JsonGenerator generator) {
        message.writeTo(generator);
    }

    /**
     * Reads a {@code message} object written by {@link #writeMessage}.
     *
     * @throws FrameRejectedException if a field is missing or invalid
     */
    public static PubSubMessage readMessage(ObjectNode message, Fields fields) {
        return PubSubMessage.decode(message, fields);
    }
}
