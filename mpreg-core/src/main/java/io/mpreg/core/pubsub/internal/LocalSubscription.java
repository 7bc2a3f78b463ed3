package io.mpreg.core.pubsub.internal;

import java.util.Objects;

import io.mpreg.core.pubsub.SubscriptionRequest;

/**
 * A subscription of one connection on this node, as registered in the topic
 * index. Compared by identity: the same client id on another connection, or
 * re-used after an unsubscribe, is another subscription.
 */
public final class LocalSubscription {

    private final String connectionId;
    private final SubscriptionRequest request;
    private final Outbox outbox;
    private final byte[] notificationPart;
    private volatile boolean active = true;

    public LocalSubscription(String connectionId, SubscriptionRequest request, Outbox outbox) {
        this.connectionId = Objects.requireNonNull(connectionId, "connectionId");
        this.request = Objects.requireNonNull(request, "request");
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.notificationPart = NotificationFrame.subscriptionPart(request.subscriptionId());
    }

    public String connectionId() {
        return connectionId;
    }

    public String id() {
        return request.subscriptionId();
    }

    public SubscriptionRequest request() {
        return request;
    }

    public Outbox outbox() {
        return outbox;
    }

    /** {@link NotificationFrame#subscriptionPart} of this subscription, made once. */
    public byte[] notificationPart() {
        return notificationPart;
    }

    /** Whether it still receives messages; notifications still queued for an ended subscription are discarded. */
    public boolean isActive() {
        return active;
    }

    public void end() {
        active = false;
    }

    @Override
    public String toString() {
        return "subscription '" + id() + "' of connection " + connectionId;
    }
}
