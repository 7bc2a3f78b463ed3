package io.mpreg.core.node;

import static io.mpreg.core.node.JsonSocket.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Every pub/sub frame of the protocol, as raw JSON over a real WebSocket to a core node. */
class PubSubProtocolTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private final MpregNode node = MpregNode.builder().host("127.0.0.1").port(0).start();

    @AfterEach
    void stop() {
        node.close();
    }

    @Test
    void subscribePublishAndNotificationHaveTheDocumentedShapes() {
        try (JsonSocket subscriber = JsonSocket.open(node.url()); JsonSocket publisher = JsonSocket.open(node.url())) {
            subscriber.send("""
                    {"role": "pubsub-subscribe", "u": "s1", "subscription": {
                      "subscription_id": "sub-1",
                      "patterns": [{"pattern": "sensors.*.building1.#", "exact_match": false}],
                      "subscriber": "dashboard-1", "get_backlog": false}}""");
            assertThat(subscriber.next()).isEqualTo(json(
                    "{\"role\": \"pubsub-ack\", \"u\": \"s1\", \"operation_id\": \"s1\", \"success\": true}"));

            publisher.send("""
                    {"role": "pubsub-publish", "u": "p1", "message": {
                      "topic": "sensors.temperature.building1.floor2", "payload": {"value": 23.5},
                      "message_id": "msg-1", "publisher": "gateway-1",
                      "timestamp": 1700000000.123, "headers": {"unit": "C"}}}""");
            assertThat(publisher.next()).isEqualTo(json(
                    "{\"role\": \"pubsub-ack\", \"u\": \"p1\", \"operation_id\": \"p1\", \"success\": true}"));

            JsonNode notification = subscriber.next();
            assertThat(notification.get("role").asString()).isEqualTo("pubsub-notification");
            assertThat(notification.get("u").asString()).isNotBlank();
            assertThat(notification.get("subscription_id").asString()).isEqualTo("sub-1");
            assertThat(notification.get("message")).isEqualTo(json("""
                    {"topic": "sensors.temperature.building1.floor2", "payload": {"value": 23.5},
                     "message_id": "msg-1", "publisher": "gateway-1",
                     "timestamp": 1700000000.123, "headers": {"unit": "C"}}"""));
        }
    }

    @Test
    void publisherReceivesItsOwnMessageWhenSubscribedAndUnmatchedTopicsAreNotDelivered() {
        try (JsonSocket client = JsonSocket.open(node.url())) {
            client.send(subscribe("s1", "mine", "orders.#"));
            assertThat(client.next().get("success").asBoolean()).isTrue();

            client.send(publish("p1", "payments.eu", 1));
            client.send(publish("p2", "orders.eu.new", 2));

            assertThat(client.next().get("u").asString()).isEqualTo("p1");
            JsonNode second = client.next();
            JsonNode third = client.next();
            JsonNode notification = second.get("role").asString().equals("pubsub-notification") ? second : third;
            JsonNode ack = notification == second ? third : second;
            assertThat(ack.get("u").asString()).isEqualTo("p2");
            assertThat(notification.get("message").get("payload").asInt()).isEqualTo(2);
            assertThat(notification.get("message").get("message_id").asString()).isEqualTo("p2");
        }
    }

    @Test
    void unsubscribeIsAcknowledgedAndEndsTheDeliveries() {
        try (JsonSocket client = JsonSocket.open(node.url()); JsonSocket publisher = JsonSocket.open(node.url())) {
            client.send(subscribe("s1", "gone", "a.#"));
            client.send(subscribe("s2", "kept", "a.b"));
            client.send("{\"role\": \"pubsub-unsubscribe\", \"u\": \"x1\", \"subscription_id\": \"gone\"}");
            assertThat(client.next().get("u").asString()).isEqualTo("s1");
            assertThat(client.next().get("u").asString()).isEqualTo("s2");
            assertThat(client.next()).isEqualTo(json(
                    "{\"role\": \"pubsub-ack\", \"u\": \"x1\", \"operation_id\": \"x1\", \"success\": true}"));

            publisher.send(publish("p1", "a.b", "after"));
            assertThat(publisher.next().get("success").asBoolean()).isTrue();

            JsonNode notification = client.next();
            assertThat(notification.get("subscription_id").asString()).isEqualTo("kept");
            await().atMost(WAIT).until(() -> node.pubSub().stats().delivered() == 1);
            assertThat(client.pending()).isZero();
        }
    }

    @Test
    void badFramesAreAnsweredWithFailedAcksAndTheConnectionGoesOnServing() {
        try (JsonSocket client = JsonSocket.open(node.url())) {
            client.send("{\"role\": \"pubsub-subscribe\", \"u\": \"no-subscription\"}");
            assertFailedAck(client.next(), "no-subscription", 1005);

            client.send("{\"role\": \"pubsub-subscribe\", \"u\": \"no-patterns\", \"subscription\": "
                    + "{\"subscription_id\": \"x\", \"patterns\": []}}");
            assertFailedAck(client.next(), "no-patterns", 1005);

            client.send(publish("bad-topic", "a..b", 1));
            assertFailedAck(client.next(), "bad-topic", 1005);

            client.send("{\"role\": \"pubsub-publish\", \"u\": \"no-message\"}");
            assertFailedAck(client.next(), "no-message", 1005);

            client.send("{\"role\": \"pubsub-unsubscribe\", \"u\": \"unknown\", \"subscription_id\": \"nope\"}");
            assertFailedAck(client.next(), "unknown", 1009);

            client.send(subscribe("first", "dup", "a"));
            assertThat(client.next().get("success").asBoolean()).isTrue();
            client.send(subscribe("second", "dup", "b"));
            assertFailedAck(client.next(), "second", 1009);

            client.send("{\"role\": \"rpc\", \"u\": \"still\", \"cmds\": [{\"name\": \"a\", \"fun\": \"echo\", \"args\": [1]}]}");
            assertThat(client.next().get("u").asString()).isEqualTo("still");
        }
    }

    @Test
    void backlogIsReplayedOverTheWireOldestFirstBeforeLiveMessages() {
        try (JsonSocket publisher = JsonSocket.open(node.url()); JsonSocket late = JsonSocket.open(node.url())) {
            for (int i = 1; i <= 3; i++) {
                publisher.send(publish("p" + i, "logs.app" + i, i));
                assertThat(publisher.next().get("success").asBoolean()).isTrue();
            }
            publisher.send(publish("other", "metrics.cpu", 0));
            publisher.next();

            late.send("""
                    {"role": "pubsub-subscribe", "u": "s1", "subscription": {
                      "subscription_id": "replay", "patterns": [{"pattern": "logs.*"}],
                      "get_backlog": true, "backlog_seconds": 300}}""");
            JsonNode first = late.next();
            JsonNode ack = first.get("role").asString().equals("pubsub-ack") ? first : null;
            int payload = 1;
            if (ack == null) {
                assertThat(first.get("message").get("payload").asInt()).isEqualTo(payload++);
            }
            while (payload <= 3) {
                JsonNode frame = late.next();
                if (frame.get("role").asString().equals("pubsub-ack")) {
                    ack = frame;
                } else {
                    assertThat(frame.get("message").get("payload").asInt()).isEqualTo(payload++);
                }
            }
            if (ack == null) {
                ack = late.next();
            }
            assertThat(ack.get("u").asString()).isEqualTo("s1");

            publisher.send(publish("live", "logs.app9", 9));
            assertThat(late.next().get("message").get("payload").asInt()).isEqualTo(9);
        }
    }

    @Test
    void closingTheConnectionEndsItsSubscriptions() {
        JsonSocket client = JsonSocket.open(node.url());
        client.send(subscribe("s1", "a", "x.#"));
        client.send(subscribe("s2", "b", "y"));
        client.next();
        client.next();
        assertThat(node.pubSub().stats().subscriptions()).isEqualTo(2);

        client.close();

        await().atMost(WAIT).until(() -> node.pubSub().stats().subscriptions() == 0);
        assertThat(node.pubSub().interest().patterns()).isEmpty();
    }

    private static void assertFailedAck(JsonNode ack, String u, int code) {
        assertThat(ack.get("role").asString()).isEqualTo("pubsub-ack");
        assertThat(ack.get("u").asString()).isEqualTo(u);
        assertThat(ack.get("operation_id").asString()).isEqualTo(u);
        assertThat(ack.get("success").asBoolean()).isFalse();
        assertThat(ack.get("error").isString()).isTrue();
        assertThat(ack.get("error_code").asInt()).isEqualTo(code);
    }

    static String subscribe(String u, String id, String pattern) {
        return "{\"role\": \"pubsub-subscribe\", \"u\": \"" + u + "\", \"subscription\": {\"subscription_id\": \""
                + id + "\", \"patterns\": [{\"pattern\": \"" + pattern + "\", \"exact_match\": false}]}}";
    }

    static String publish(String u, String topic, Object payload) {
        String json = payload instanceof String text ? "\"" + text + "\"" : String.valueOf(payload);
        return "{\"role\": \"pubsub-publish\", \"u\": \"" + u + "\", \"message\": {\"topic\": \"" + topic
                + "\", \"payload\": " + json + ", \"publisher\": \"test\", \"headers\": {}}}";
    }
}
