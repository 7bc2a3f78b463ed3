package io.mpreg.core.pubsub;

import java.util.Objects;

import io.mpreg.core.pubsub.internal.NotificationFrame;
import io.mpreg.core.wire.Fields;
import io.mpreg.core.wire.WireMessage;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.node.ObjectNode;

/**
 * A message delivered to one subscription of the receiving connection.
 *
 * <p>Compared by {@link #u()}, {@link #subscriptionId()} and {@link #message()}
 * only. A notification made by the exchange carries the message's JSON as
 * rendered once per publish, so a message fanned out to many subscriptions is
 * encoded once rather than once per subscription.
 */
public final class PubSubNotification implements WireMessage {

    /** The role of a notification frame. */
    public static final String ROLE = "pubsub-notification";

    private final String u;
    private final String subscriptionId;
    private final PubSubMessage message;
    private final byte @Nullable [] messageUtf8;

    /**
     * @param u              a new id for this delivery
     * @param subscriptionId the subscription it matched
     * @param message        the published message
     */
    public PubSubNotification(String u, String subscriptionId, PubSubMessage message) {
        this(u, subscriptionId, message, null);
    }

    /**
     * A notification whose message is written as the given UTF-8 bytes of
     * what {@link PubSubMessage#toJson} renders for {@code message}. The array
     * is shared, not copied: it must not change.
     */
    public PubSubNotification(String u, String subscriptionId, PubSubMessage message, byte @Nullable [] messageUtf8) {
        this.u = Objects.requireNonNull(u, "u");
        this.subscriptionId = Objects.requireNonNull(subscriptionId, "subscriptionId");
        this.message = Objects.requireNonNull(message, "message");
        this.messageUtf8 = messageUtf8;
    }

    /** A new id for this delivery. */
    @Override
    public String u() {
        return u;
    }

    /** The subscription it matched. */
    public String subscriptionId() {
        return subscriptionId;
    }

    /** The published message. */
    public PubSubMessage message() {
        return message;
    }

    @Override
    public String role() {
        return ROLE;
    }

    @Override
    public void writeTo(JsonGenerator g) {
        WireMessage.startFrame(g, ROLE, u);
        g.writeStringProperty("subscription_id", subscriptionId);
        g.writeName("message");
        message.writeTo(g);
        g.writeEndObject();
    }

    /** The frame as UTF-8 parts, the message's shared with every other delivery of it, when they were given. */
    @Override
    public @Nullable CharSequence encodedText() {
        byte[] messageBytes = messageUtf8;
        return messageBytes == null ? null
                : new NotificationFrame(this, NotificationFrame.subscriptionPart(subscriptionId), messageBytes);
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof PubSubNotification that && u.equals(that.u)
                && subscriptionId.equals(that.subscriptionId) && message.equals(that.message);
    }

    @Override
    public int hashCode() {
        return Objects.hash(u, subscriptionId, message);
    }

    @Override
    public String toString() {
        return "PubSubNotification[u=" + u + ", subscriptionId=" + subscriptionId + ", message=" + message + "]";
    }

    static PubSubNotification decode(ObjectNode frame, Fields fields) {
        return new PubSubNotification(fields.requireU(), fields.requireString(frame, "subscription_id"),
                PubSubMessage.decode(fields.requireObject(frame, "message"), fields));
    }
}
