package io.mpreg.core.pubsub;

import java.util.Objects;

import io.mpreg.core.wire.Fields;
import io.mpreg.core.wire.WireMessage;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.node.ObjectNode;

/**
 * A message delivered to one subscription of the receiving connection.
 *
 * @param u              a new id for this delivery
 * @param subscriptionId the subscription it matched
 * @param message        the published message
 */
public record PubSubNotification(String u, String subscriptionId, PubSubMessage message) implements WireMessage {

    /** The role of a notification frame. */
    public static final String ROLE = "pubsub-notification";

    public PubSubNotification {
        Objects.requireNonNull(u, "u");
        Objects.requireNonNull(subscriptionId, "subscriptionId");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String role() {
        return ROLE;
    }

    @Override
    public void writeTo(JsonGenerator g) {
        g.writeStartObject();
        g.writeStringProperty("role", ROLE);
        g.writeStringProperty("u", u);
        g.writeStringProperty("subscription_id", subscriptionId);
        g.writeName("message");
        message.writeTo(g);
        g.writeEndObject();
    }

    static PubSubNotification decode(ObjectNode frame, Fields fields) {
        return new PubSubNotification(fields.requireU(), fields.requireString(frame, "subscription_id"),
                PubSubMessage.decode(fields.requireObject(frame, "message"), fields));
    }
}
