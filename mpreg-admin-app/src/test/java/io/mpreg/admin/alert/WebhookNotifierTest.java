package io.mpreg.admin.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import io.mpreg.admin.WebhookReceiver;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class WebhookNotifierTest {

    private static final Alert FIRING = new Alert("member-down:prod/b", "member-down", RuleKind.MEMBER_DOWN,
            Severity.CRITICAL, "prod/b", Map.of("cluster", "prod", "node", "b"), AlertState.FIRING, null,
            "member 'b' of cluster 'prod' is DEAD", Instant.parse("2026-11-21T10:00:00Z"),
            Instant.parse("2026-11-21T10:00:30Z"), null);

    private static WebhookNotifier notifier(String url, int maxAttempts) {
        return new WebhookNotifier(WebClient.create(), new WebhookSettings(url, maxAttempts, Duration.ofMillis(20),
                Duration.ofMillis(100), Duration.ofSeconds(5)), Schedulers.parallel());
    }

    @Test
    void postsTheAlertAsJsonAndRetriesAfterServerErrors() {
        try (WebhookReceiver receiver = new WebhookReceiver(2)) {
            StepVerifier.create(notifier(receiver.url(), 5).send(FIRING)).verifyComplete();

            assertThat(receiver.requests()).isEqualTo(3);
            JsonNode body = JsonMapper.builder().build().readTree(receiver.bodies().get(0));
            assertThat(body.path("source").asString()).isEqualTo("mpreg-admin");
            assertThat(body.path("status").asString()).isEqualTo("FIRING");
            assertThat(body.path("alert").path("id").asString()).isEqualTo("member-down:prod/b");
            assertThat(body.path("alert").path("labels").path("node").asString()).isEqualTo("b");
            assertThat(body.path("alert").path("severity").asString()).isEqualTo("CRITICAL");
        }
    }

    @Test
    void givesUpAfterMaxAttempts() {
        try (WebhookReceiver receiver = new WebhookReceiver(10)) {
            StepVerifier.create(notifier(receiver.url(), 3).send(FIRING))
                    .expectError()
                    .verify(Duration.ofSeconds(10));

            assertThat(receiver.requests()).isEqualTo(3);
            assertThat(receiver.bodies()).isEmpty();
        }
    }
}
