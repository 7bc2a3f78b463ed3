package io.mpreg.core.pubsub.internal;

import io.mpreg.core.pubsub.PubSubNotification;
import io.mpreg.core.transport.Utf8Text;

/**
 * The text of a {@code pubsub-notification} frame in UTF-8 parts: its start
 * and id, the part naming its subscription (made once per subscription), the
 * message (made once per publish and shared by all its deliveries), and the
 * closing brace. So a delivery encodes only its own id. It keeps the
 * notification it is the frame of, for code on the node that takes
 * notifications rather than frames.
 */
public final class NotificationFrame extends Utf8Text {

    private static final byte[] START = JsonText.ascii("{\"role\":\"pubsub-notification\",\"u\":\"");
    private static final byte[] SUBSCRIPTION_ID = JsonText.ascii("\",\"subscription_id\":\"");
    private static final byte[] MESSAGE = JsonText.ascii("\",\"message\":");
    private static final byte[] END = JsonText.ascii("}");

    private final PubSubNotification notification;
    private final byte[] u;
    private final byte[] subscriptionPart;
    private final byte[] message;

    /**
     * @param notification     the notification this is the frame of
     * @param subscriptionPart {@link #subscriptionPart} of the subscription it matched
     * @param message          its message as {@code PubSubMessage.toJson} renders it, in UTF-8; shared, not copied
     */
    public NotificationFrame(PubSubNotification notification, byte[] subscriptionPart, byte[] message) {
        this.notification = notification;
        this.u = JsonText.escapedUtf8(notification.u());
        this.subscriptionPart = subscriptionPart;
        this.message = message;
    }

    /** The notification this is the frame of. */
    public PubSubNotification notification() {
        return notification;
    }

    /** What follows a notification's id up to its message, for the subscription with this id. */
    public static byte[] subscriptionPart(String subscriptionId) {
        return JsonText.builder(SUBSCRIPTION_ID.length + subscriptionId.length() + MESSAGE.length)
                .raw(SUBSCRIPTION_ID).escaped(subscriptionId).raw(MESSAGE).build();
    }

    @Override
    public int utf8Length() {
        return START.length + u.length + subscriptionPart.length + message.length + END.length;
    }

    @Override
    public void writeUtf8(ByteSink sink) {
        sink.write(START);
        sink.write(u);
        sink.write(subscriptionPart);
        sink.write(message);
        sink.write(END);
    }
}
