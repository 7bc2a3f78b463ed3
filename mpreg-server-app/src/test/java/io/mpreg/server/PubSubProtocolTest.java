package io.mpreg.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import io.mpreg.core.node.MpregNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The pub/sub frames of PROTOCOL.md as raw JSON over the server app's WebFlux endpoint. */
@SharedServerContext
class PubSubProtocolTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration WAIT = Duration.ofSeconds(20);

    @LocalServerPort
    int port;

    @Autowired
    MpregNode node;

    @ParameterizedTest
    @ValueSource(strings = {"/mpreg", "/"})
    void theProtocolExampleIsAcknowledgedAndDeliveredInTheDocumentedShape(String path) {
        String topicRoot = path.equals("/") ? "bare" : "sensors";
        try (RawWebSocket subscriber = RawWebSocket.connect(port, path);
             RawWebSocket publisher = RawWebSocket.connect(port, path)) {
            subscriber.send("{\"role\": \"pubsub-subscribe\", \"u\": \"01J-sub\", \"subscription\": {"
                    + "\"subscription_id\": \"sub-1\", \"patterns\": [{\"pattern\": \"" + topicRoot
                    + ".*.building1.#\", \"exact_match\": false}], \"subscriber\": \"dashboard-1\", "
                    + "\"get_backlog\": false}}");
            assertThat(subscriber.receive()).isEqualTo(JSON.readTree(
                    "{\"role\": \"pubsub-ack\", \"u\": \"01J-sub\", \"operation_id\": \"01J-sub\", \"success\": true}"));

            String message = "{\"topic\": \"" + topicRoot + ".temperature.building1.floor2\", "
                    + "\"payload\": {\"value\": 23.5}, \"message_id\": \"msg-1\", \"publisher\": \"gateway-1\", "
                    + "\"timestamp\": 1700000000.123, \"headers\": {}}";
            publisher.send("{\"role\": \"pubsub-publish\", \"u\": \"01J-pub\", \"message\": " + message + "}");
            assertThat(publisher.receive()).isEqualTo(JSON.readTree(
                    "{\"role\": \"pubsub-ack\", \"u\": \"01J-pub\", \"operation_id\": \"01J-pub\", \"success\": true}"));

            JsonNode notification = subscriber.receive();
            assertThat(notification.get("role").asString()).isEqualTo("pubsub-notification");
            assertThat(notification.get("u").asString()).isNotBlank();
            assertThat(notification.get("subscription_id").asString()).isEqualTo("sub-1");
            assertThat(notification.get("message")).isEqualTo(JSON.readTree(message));

            subscriber.send("{\"role\": \"pubsub-unsubscribe\", \"u\": \"01J-unsub\", \"subscription_id\": \"sub-1\"}");
            assertThat(subscriber.receive()).isEqualTo(JSON.readTree("{\"role\": \"pubsub-ack\", \"u\": \"01J-unsub\", "
                    + "\"operation_id\": \"01J-unsub\", \"success\": true}"));
        }
    }

    @Test
    void badFramesGetFailedAcksWithTheErrorCode() {
        try (RawWebSocket client = RawWebSocket.connect(port, "/mpreg")) {
            client.send("{\"role\": \"pubsub-publish\", \"u\": \"bad-topic\", \"message\": "
                    + "{\"topic\": \"a..b\", \"payload\": 1}}");
            JsonNode malformed = client.receive();
            assertThat(malformed.get("role").asString()).isEqualTo("pubsub-ack");
            assertThat(malformed.get("u").asString()).isEqualTo("bad-topic");
            assertThat(malformed.get("success").asBoolean()).isFalse();
            assertThat(malformed.get("error").asString()).contains("message.topic");
            assertThat(malformed.get("error_code").asInt()).isEqualTo(1005);

            client.send("{\"role\": \"pubsub-unsubscribe\", \"u\": \"unknown\", \"subscription_id\": \"nope\"}");
            JsonNode unknown = client.receive();
            assertThat(unknown.get("success").asBoolean()).isFalse();
            assertThat(unknown.get("error_code").asInt()).isEqualTo(1009);
        }
    }

    @Test
    void aLateSubscriberGetsTheBacklogOverTheWireAndItsSubscriptionEndsWithTheConnection() {
        try (RawWebSocket publisher = RawWebSocket.connect(port, "/mpreg")) {
            for (int i = 1; i <= 3; i++) {
                publisher.send("{\"role\": \"pubsub-publish\", \"u\": \"replay-" + i + "\", \"message\": "
                        + "{\"topic\": \"replayed.log\", \"payload\": " + i + "}}");
                assertThat(publisher.receive().get("success").asBoolean()).isTrue();
            }
        }
        RawWebSocket late = RawWebSocket.connect(port, "/mpreg");
        late.send("{\"role\": \"pubsub-subscribe\", \"u\": \"late\", \"subscription\": {\"subscription_id\": "
                + "\"late-1\", \"patterns\": [{\"pattern\": \"replayed.#\"}], \"get_backlog\": true, "
                + "\"backlog_seconds\": 300}}");
        StringBuilder payloads = new StringBuilder();
        for (int frames = 0; frames < 4; frames++) {
            JsonNode frame = late.receive();
            if (frame.get("role").asString().equals("pubsub-notification")) {
                payloads.append(frame.get("message").get("payload").asInt());
            }
        }
        assertThat(payloads.toString()).isEqualTo("123");
        assertThat(node.pubSub().subscriptions()).anyMatch(s -> s.subscriptionId().equals("late-1"));

        late.close();

        await().atMost(WAIT).until(() -> node.pubSub().subscriptions().stream()
                .noneMatch(s -> s.subscriptionId().equals("late-1")));
    }

    @Test
    void theMpregEndpointListsSubscriptionsAndPrometheusHasThePubSubMeters() {
        try (RawWebSocket client = RawWebSocket.connect(port, "/mpreg")) {
            client.send("{\"role\": \"pubsub-subscribe\", \"u\": \"listed\", \"subscription\": {\"subscription_id\": "
                    + "\"listed-1\", \"subscriber\": \"ops\", \"patterns\": [{\"pattern\": \"ops.#\"}]}}");
            assertThat(client.receive().get("success").asBoolean()).isTrue();

            WebTestClient web = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build();
            web.get().uri("/actuator/mpreg").exchange()
                    .expectStatus().isOk()
                    .expectBody()
                    .jsonPath("$.subscriptions['test-node'].subscriptions[?(@.id == 'listed-1')].patterns[0]")
                    .isEqualTo("ops.#");
            String scrape = web.get().uri("/actuator/prometheus").exchange()
                    .expectStatus().isOk()
                    .expectBody(String.class).returnResult().getResponseBody();
            assertThat(scrape).contains("mpreg_pubsub_published_total", "mpreg_pubsub_subscriptions",
                    "mpreg_pubsub_backlog_size_bytes");
        }
    }
}
