package io.mpreg.core.pubsub;

import java.util.Objects;

import io.mpreg.core.wire.Fields;
import io.mpreg.core.wire.WireMessage;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.node.ObjectNode;

/**
 * A client asks to receive the messages matching a subscription.
 *
 * @param u            the request id, echoed as the ack's {@code operation_id}
 * @param subscription what to subscribe to
 */
public record PubSubSubscribe(String u, SubscriptionRequest subscription) implements WireMessage {

    /** The role of a subscribe frame. */
    public static final String ROLE = "pubsub-subscribe";

    public PubSubSubscribe {
        Objects.requireNonNull(u, "u");
        Objects.requireNonNull(subscription, "subscription");
    }

    @Override
    public String role() {
        return ROLE;
    }

    @Override
    public void writeTo(JsonGenerator g) {
        WireMessage.startFrame(g, ROLE, u);
        g.writeName("subscription");
        subscription.writeTo(g);
        g.writeEndObject();
    }

    static PubSubSubscribe decode(ObjectNode frame, Fields fields) {
        String u = fields.requireU();
        return new PubSubSubscribe(u, SubscriptionRequest.decode(fields.requireObject(frame, "subscription"), fields));
    }
}
