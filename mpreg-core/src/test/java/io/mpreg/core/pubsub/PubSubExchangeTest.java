package io.mpreg.core.pubsub;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.mpreg.core.transport.ConnectionInfo;
import io.mpreg.core.wire.WireMessage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

class PubSubExchangeTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final ExchangeFixture fixture = new ExchangeFixture(PubSubConfig.defaults());
    private final ConnectionInfo dashboard = ExchangeFixture.connection("c-dashboard");
    private final ConnectionInfo gateway = ExchangeFixture.connection("c-gateway");

    @Test
    void subscriberReceivesMatchingPublishAsNotificationInProtocolShape() {
        assertThat(fixture.send(dashboard, "{\"role\":\"pubsub-subscribe\",\"u\":\"s1\",\"subscription\":{"
                + "\"subscription_id\":\"sub-1\",\"patterns\":[{\"pattern\":\"sensors.*.building1.#\","
                + "\"exact_match\":false}],\"subscriber\":\"dashboard-1\",\"get_backlog\":false}}"))
                .isEqualTo("{\"role\":\"pubsub-ack\",\"u\":\"s1\",\"operation_id\":\"s1\",\"success\":true}");

        assertThat(fixture.send(gateway, "{\"role\":\"pubsub-publish\",\"u\":\"p1\",\"message\":{"
                + "\"topic\":\"sensors.temperature.building1.floor2\",\"payload\":{\"value\":23.5},"
                + "\"message_id\":\"msg-1\",\"publisher\":\"gateway-1\",\"timestamp\":1700000000.123,\"headers\":{}}}"))
                .isEqualTo("{\"role\":\"pubsub-ack\",\"u\":\"p1\",\"operation_id\":\"p1\",\"success\":true}");
        fixture.send(gateway, "{\"role\":\"pubsub-publish\",\"u\":\"p2\",\"message\":{"
                + "\"topic\":\"sensors.temperature.building2.floor2\",\"message_id\":\"msg-2\"}}");

        StepVerifier.create(fixture.exchange.outbound(dashboard).map(fixture::encode))
                .expectNext("{\"role\":\"pubsub-notification\",\"u\":\"n-1\",\"subscription_id\":\"sub-1\","
                        + "\"message\":{\"topic\":\"sensors.temperature.building1.floor2\",\"payload\":{\"value\":23.5},"
                        + "\"message_id\":\"msg-1\",\"publisher\":\"gateway-1\",\"timestamp\":1700000000.123,"
                        + "\"headers\":{}}}")
                .then(() -> fixture.exchange.connectionClosed(dashboard.id()))
                .expectComplete()
                .verify(WAIT);
    }

    @Test
    void publishWithoutTimestampIsStampedWithTheNodeClock() {
        fixture.exchange.subscribe(dashboard.id(), SubscriptionRequest.of("s", TopicPattern.of("a")));
        fixture.send(gateway, "{\"role\":\"pubsub-publish\",\"u\":\"p1\",\"message\":{\"topic\":\"a\"}}");

        StepVerifier.create(fixture.exchange.outbound(dashboard).take(1))
                .assertNext(n -> assertThat(((PubSubNotification) n).message().timestamp())
                        .isEqualTo(fixture.clock.millis() / 1000.0))
                .expectComplete()
                .verify(WAIT);
    }

    @Test
    void notificationsStillQueuedForAnEndedSubscriptionAreDiscarded() {
        fixture.exchange.subscribe(dashboard.id(), SubscriptionRequest.of("old", TopicPattern.of("a")));
        fixture.publish("a", "gw", 1);
        fixture.exchange.unsubscribe(dashboard.id(), "old");
        fixture.exchange.subscribe(dashboard.id(), SubscriptionRequest.of("new", TopicPattern.of("a")));
        fixture.publish("a", "gw", 2);

        StepVerifier.create(fixture.exchange.outbound(dashboard).map(ExchangeFixture::number))
                .expectNext(2)
                .then(() -> fixture.exchange.connectionClosed(dashboard.id()))
                .expectComplete()
                .verify(WAIT);
    }

    @Test
    void unsubscribeIsAckedAndStopsDelivery() {
        fixture.exchange.subscribe(dashboard.id(), SubscriptionRequest.of("sub-1", TopicPattern.of("a.#")));
        fixture.publish("a.b", "gw", 1);

        assertThat(fixture.send(dashboard, "{\"role\":\"pubsub-unsubscribe\",\"u\":\"x1\",\"subscription_id\":\"sub-1\"}"))
                .isEqualTo("{\"role\":\"pubsub-ack\",\"u\":\"x1\",\"operation_id\":\"x1\",\"success\":true}");
        fixture.publish("a.b", "gw", 2);

        assertThat(fixture.exchange.stats().subscriptions()).isZero();
        StepVerifier.create(fixture.exchange.outbound(dashboard))
                .then(() -> fixture.exchange.connectionClosed(dashboard.id()))
                .expectComplete()
                .verify(WAIT);
    }

    @Test
    void unsubscribingAnUnknownSubscriptionIsAFailedAck() {
        assertThat(fixture.send(dashboard, "{\"role\":\"pubsub-unsubscribe\",\"u\":\"x1\",\"subscription_id\":\"nope\"}"))
                .isEqualTo("{\"role\":\"pubsub-ack\",\"u\":\"x1\",\"operation_id\":\"x1\",\"success\":false,"
                        + "\"error\":\"no subscription 'nope' on this connection\",\"error_code\":1009}");
    }

    @Test
    void reusingASubscriptionIdOnOneConnectionIsAFailedAckButOtherConnectionsMayUseIt() {
        String subscribe = "{\"role\":\"pubsub-subscribe\",\"u\":\"s1\",\"subscription\":{\"subscription_id\":\"sub-1\","
                + "\"patterns\":[{\"pattern\":\"a\",\"exact_match\":true}]}}";
        fixture.send(dashboard, subscribe);

        assertThat(fixture.send(dashboard, subscribe)).contains("\"success\":false").contains("\"error_code\":1009");
        assertThat(fixture.send(gateway, subscribe)).contains("\"success\":true");
        assertThat(fixture.exchange.stats().subscriptions()).isEqualTo(2);
    }

    @Test
    void nonRequestRolesAreAnsweredWithUnknownRole() {
        PubSubAck ack = fixture.exchange.answer(PubSubAck.ok("z"), dashboard.id());

        assertThat(ack.success()).isFalse();
        assertThat(ack.errorCode()).isEqualTo(1000);
    }

    @Test
    void subscriptionWithOverlappingPatternsReceivesEachMessageOnce() {
        fixture.exchange.subscribe(dashboard.id(),
                SubscriptionRequest.of("s", TopicPattern.of("a.*"), TopicPattern.of("a.#"), TopicPattern.exact("a.b")));
        fixture.publish("a.b", "gw", 1);
        fixture.publish("a.c", "gw", 2);

        StepVerifier.create(fixture.exchange.outbound(dashboard).map(ExchangeFixture::number))
                .expectNext(1, 2)
                .then(() -> fixture.exchange.connectionClosed(dashboard.id()))
                .expectComplete()
                .verify(WAIT);
        assertThat(fixture.exchange.stats().delivered()).isEqualTo(2);
        assertThat(fixture.exchange.stats().published()).isEqualTo(2);
    }

    @Test
    void closingTheConnectionEndsItsSubscriptionsAndItsInterest() {
        fixture.exchange.subscribe(dashboard.id(), SubscriptionRequest.of("s1", TopicPattern.of("a.#")));
        fixture.exchange.subscribe(dashboard.id(), SubscriptionRequest.of("s2", TopicPattern.of("b.*")));
        fixture.exchange.subscribe(gateway.id(), SubscriptionRequest.of("s1", TopicPattern.of("a.#")));
        assertThat(fixture.exchange.interest().patterns())
                .containsExactlyInAnyOrder(TopicPattern.of("a.#"), TopicPattern.of("b.*"));

        fixture.exchange.connectionClosed(dashboard.id());

        assertThat(fixture.exchange.stats().subscriptions()).isEqualTo(1);
        assertThat(fixture.exchange.interest().patterns()).containsExactly(TopicPattern.of("a.#"));
        assertThat(fixture.exchange.interest().matches("a.x.y")).isTrue();
        assertThat(fixture.exchange.interest().matches("b.x")).isFalse();
        assertThat(fixture.exchange.publish(PubSubMessage.of("a.x", fixture.mapper.nullNode(), "m", "p", 1.0)))
                .isEqualTo(1);
    }

    @Test
    void messagesFromOnePublisherArriveInOrderWhilePublishersRunConcurrently() throws Exception {
        int publishers = 3;
        int perPublisher = 2000;
        fixture.exchange.subscribe(dashboard.id(), SubscriptionRequest.of("all", TopicPattern.of("#")));
        List<CompletableFuture<Void>> running = new ArrayList<>();
        for (int p = 0; p < publishers; p++) {
            String publisher = "pub" + p;
            running.add(CompletableFuture.runAsync(() -> {
                for (int i = 0; i < perPublisher; i++) {
                    fixture.publish("orders." + publisher, publisher, i);
                }
            }));
        }
        CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);

        List<WireMessage> received = fixture.exchange.outbound(dashboard).take(publishers * perPublisher)
                .collectList().block(WAIT);

        Map<String, Integer> lastSeen = new HashMap<>();
        for (WireMessage notification : received) {
            PubSubMessage message = ((PubSubNotification) notification).message();
            int previous = lastSeen.getOrDefault(message.publisher(), -1);
            assertThat(message.payload().intValue()).isEqualTo(previous + 1);
            lastSeen.put(message.publisher(), previous + 1);
        }
        assertThat(lastSeen).containsOnlyKeys("pub0", "pub1", "pub2").allSatisfy((p, last) ->
                assertThat(last).isEqualTo(perPublisher - 1));
    }

    @ParameterizedTest(name = "match cache slots: {0}")
    @ValueSource(ints = {0, 4096})
    void deliveryFollowsSubscriptionsComingAndGoingWithCacheOnAndOff(int cacheSlots) {
        ExchangeFixture local = new ExchangeFixture(PubSubConfig.defaults().withMatchCacheSize(cacheSlots));
        local.publish("a.b", "gw", 0);
        local.exchange.subscribe(dashboard.id(), SubscriptionRequest.of("s", TopicPattern.of("a.*")));

        StepVerifier.create(local.exchange.outbound(dashboard).map(ExchangeFixture::number))
                .then(() -> local.publish("a.b", "gw", 1))
                .expectNext(1)
                .then(() -> {
                    local.exchange.unsubscribe(dashboard.id(), "s");
                    local.publish("a.b", "gw", 2);
                    local.exchange.subscribe(dashboard.id(), SubscriptionRequest.of("t", TopicPattern.of("#.b")));
                    local.publish("a.b", "gw", 3);
                })
                .expectNext(3)
                .then(() -> local.exchange.connectionClosed(dashboard.id()))
                .expectComplete()
                .verify(WAIT);
    }
}
