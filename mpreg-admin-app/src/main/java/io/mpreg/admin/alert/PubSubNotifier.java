package io.mpreg.admin.alert;

import java.util.Objects;

import io.mpreg.client.MpregClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Publishes each notification ({@link WebhookPayload}, the same JSON a
 * webhook receives) on the MPREG pub/sub topic {@code mpreg.alerts.<rule>},
 * so any client subscribed to {@code mpreg.alerts.#} hears of it. Completes
 * when the node has acknowledged the message.
 */
public final class PubSubNotifier implements AlertNotifier, AutoCloseable {

    /** The topic prefix; the rule's name follows it. */
    public static final String TOPIC_PREFIX = "mpreg.alerts.";

    private static final Logger log = LoggerFactory.getLogger(PubSubNotifier.class);

    private final MpregClient client;

    /** @param client a client of the nodes to publish to (closed with this notifier) */
    public PubSubNotifier(MpregClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    /** The topic an alert of this rule is published on. */
    public static String topic(String rule) {
        return TOPIC_PREFIX + rule;
    }

    @Override
    public Mono<Void> send(Alert alert) {
        return client.publish(topic(alert.rule()), WebhookPayload.of(alert))
                .doOnError(failure -> log.warn("Publishing alert {} on {} failed: {}", alert.id(),
                        topic(alert.rule()), failure.toString()));
    }

    @Override
    public void close() {
        client.close();
    }
}
