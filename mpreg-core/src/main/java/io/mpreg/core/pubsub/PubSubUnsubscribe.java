package io.mpreg.core.pubsub;

import java.util.Objects;

import io.mpreg.core.wire.Fields;
import io.mpreg.core.wire.WireMessage;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.node.ObjectNode;

/**
 * A client ends one of its subscriptions.
 *
 * @param u              the request id, echoed as the ack's {@code operation_id}
 * @param subscriptionId the subscription to end
 */
public record PubSubUnsubscribe(String u, String subscriptionId) implements WireMessage {

    /** The role of an unsubscribe frame. */
    public static final String ROLE = "pubsub-unsubscribe";

    public PubSubUnsubscribe {
        Objects.requireNonNull(u, "u");
        Objects.requireNonNull(subscriptionId, "subscriptionId");
    }

    @Override
    public String role() {
        return ROLE;
    }

    @Override
    public void writeTo(JsonGenerator g) {
        WireMessage.startFrame(g, ROLE, u);
        g.writeStringProperty("subscription_id", subscriptionId);
        g.writeEndObject();
    }

    static PubSubUnsubscribe decode(ObjectNode frame, Fields fields) {
        return new PubSubUnsubscribe(fields.requireU(), fields.requireString(frame, "subscription_id"));
    }
}
