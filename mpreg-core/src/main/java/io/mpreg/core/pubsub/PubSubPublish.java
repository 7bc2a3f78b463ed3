package io.mpreg.core.pubsub;

import java.util.Objects;

import io.mpreg.core.wire.Fields;
import io.mpreg.core.wire.WireMessage;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.node.ObjectNode;

/**
 * A client publishes one message.
 *
 * @param u       the request id, echoed as the ack's {@code operation_id}
 * @param message what is published
 */
public record PubSubPublish(String u, PubSubMessage message) implements WireMessage {

    /** The role of a publish frame. */
    public static final String ROLE = "pubsub-publish";

    public PubSubPublish {
        Objects.requireNonNull(u, "u");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String role() {
        return ROLE;
    }

    @Override
    public void writeTo(JsonGenerator g) {
        WireMessage.startFrame(g, ROLE, u);
        g.writeName("message");
        message.writeTo(g);
        g.writeEndObject();
    }

    static PubSubPublish decode(ObjectNode frame, Fields fields) {
        String u = fields.requireU();
        return new PubSubPublish(u, PubSubMessage.decode(fields.requireObject(frame, "message"), fields));
    }
}
