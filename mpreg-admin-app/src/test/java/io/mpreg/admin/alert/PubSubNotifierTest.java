package io.mpreg.admin.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import io.mpreg.client.MpregClient;
import io.mpreg.core.node.MpregNode;
import io.mpreg.core.pubsub.PubSubMessage;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

/** Alerts published on a real node, heard by a subscriber over a real socket. */
class PubSubNotifierTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Alert FIRING = new Alert("member-down:prod/b", "member-down", RuleKind.MEMBER_DOWN,
            Severity.CRITICAL, "prod/b", Map.of("cluster", "prod", "node", "b"), AlertState.FIRING, null,
            "member 'b' of cluster 'prod' is DEAD", Instant.parse("2026-11-21T10:00:00Z"),
            Instant.parse("2026-11-21T10:00:30Z"), null);

    @Test
    void anAlertIsPublishedOnItsRulesTopicAsTheWebhookJson() {
        try (MpregNode node = MpregNode.builder().name("bus").host("127.0.0.1").port(0).start();
             MpregClient client = MpregClient.connect(node.url());
             PubSubNotifier notifier = new PubSubNotifier(client)) {
            // One client: its publish issued after the subscription reaches the node after it.
            StepVerifier.create(client.subscribe("mpreg.alerts.#").take(1))
                    .then(() -> notifier.send(FIRING).block(WAIT))
                    .assertNext(PubSubNotifierTest::isTheFiringAlert)
                    .expectComplete()
                    .verify(WAIT);
        }
    }

    private static void isTheFiringAlert(PubSubMessage message) {
        assertThat(message.topic()).isEqualTo("mpreg.alerts.member-down");
        assertThat(message.payload().path("source").asString()).isEqualTo("mpreg-admin");
        assertThat(message.payload().path("status").asString()).isEqualTo("FIRING");
        assertThat(message.payload().path("alert").path("id").asString()).isEqualTo("member-down:prod/b");
    }
}
