package io.mpreg.core.pubsub;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.mpreg.core.transport.ConnectionInfo;
import io.mpreg.core.wire.WireMessage;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.test.StepVerifier;

class BacklogReplayTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final ConnectionInfo late = ExchangeFixture.connection("c-late");

    @Test
    void lateSubscriberReceivesTheMatchingMessagesOfItsLookBackThenLiveOnes() {
        ExchangeFixture fixture = new ExchangeFixture(PubSubConfig.defaults());
        fixture.publish("sensors.t.b1", "gw", 1);
        fixture.clock.advance(Duration.ofSeconds(100));
        fixture.publish("sensors.t.b1", "gw", 2);
        fixture.publish("other.topic", "gw", 99);
        fixture.clock.advance(Duration.ofSeconds(100));
        fixture.publish("sensors.h.b1", "gw", 3);
        fixture.clock.advance(Duration.ofSeconds(50));

        fixture.send(late, "{\"role\":\"pubsub-subscribe\",\"u\":\"s1\",\"subscription\":{\"subscription_id\":\"s\","
                + "\"patterns\":[{\"pattern\":\"sensors.#\",\"exact_match\":false}],\"get_backlog\":true,"
                + "\"backlog_seconds\":180}}");
        fixture.publish("sensors.t.b1", "gw", 4);

        StepVerifier.create(fixture.exchange.outbound(late).map(ExchangeFixture::number))
                .expectNext(2, 3, 4)
                .then(() -> fixture.exchange.connectionClosed(late.id()))
                .expectComplete()
                .verify(WAIT);
    }

    @Test
    void withoutBacklogSecondsTheWholeWindowIsReplayedButNothingOlder() {
        ExchangeFixture fixture = new ExchangeFixture(PubSubConfig.defaults().withBacklogWindow(Duration.ofMinutes(5)));
        fixture.publish("a", "gw", 1);
        fixture.clock.advance(Duration.ofMinutes(4));
        fixture.publish("a", "gw", 2);
        fixture.clock.advance(Duration.ofMinutes(2));

        fixture.exchange.subscribe(late.id(), new SubscriptionRequest("s", List.of(TopicPattern.of("a")), "", true, null));

        assertThat(fixture.exchange.stats().backlogMessages()).isEqualTo(1);
        StepVerifier.create(fixture.exchange.outbound(late).map(ExchangeFixture::number))
                .expectNext(2)
                .then(() -> fixture.exchange.connectionClosed(late.id()))
                .expectComplete()
                .verify(WAIT);
    }

    @Test
    void subscriptionWithoutGetBacklogReceivesOnlyLiveMessages() {
        ExchangeFixture fixture = new ExchangeFixture(PubSubConfig.defaults());
        fixture.publish("a", "gw", 1);

        fixture.exchange.subscribe(late.id(), SubscriptionRequest.of("s", TopicPattern.of("a")));
        fixture.publish("a", "gw", 2);

        StepVerifier.create(fixture.exchange.outbound(late).map(ExchangeFixture::number))
                .expectNext(2)
                .then(() -> fixture.exchange.connectionClosed(late.id()))
                .expectComplete()
                .verify(WAIT);
    }

    @Test
    void backlogIsBoundedByCountAndBytesDroppingTheOldest() {
        ExchangeFixture byCount = new ExchangeFixture(PubSubConfig.defaults().withBacklogLimits(3, 1 << 20));
        ExchangeFixture byBytes = new ExchangeFixture(PubSubConfig.defaults().withBacklogLimits(1000, 100));
        for (int i = 0; i < 10; i++) {
            byCount.publish("a", "gw", i);
            byBytes.publish("a", "gw", i);
        }

        assertThat(byCount.exchange.stats().backlogMessages()).isEqualTo(3);
        assertThat(byBytes.exchange.stats().backlogBytes()).isLessThanOrEqualTo(100).isPositive();
        byCount.exchange.subscribe(late.id(), SubscriptionRequest.of("s", TopicPattern.of("a")).withBacklog(300));
        StepVerifier.create(byCount.exchange.outbound(late).map(ExchangeFixture::number))
                .expectNext(7, 8, 9)
                .then(() -> byCount.exchange.connectionClosed(late.id()))
                .expectComplete()
                .verify(WAIT);
    }

    /**
     * A publisher runs flat out while subscribers join one after another asking
     * for the backlog: each must see every message exactly once, in order, the
     * replayed ones followed by the live ones with nothing lost or repeated at the seam.
     */
    @Test
    void replayAndLiveDeliveryMeetWithoutGapOrDuplicateUnderConcurrentPublishing() throws Exception {
        int total = 20_000;
        int subscribers = 4;
        ExchangeFixture fixture = new ExchangeFixture(PubSubConfig.defaults()
                .withBacklogLimits(total, Long.MAX_VALUE)
                .withSlowSubscribers(total, SlowSubscriberPolicy.DISCONNECT));
        CompletableFuture<Void> publisher = CompletableFuture.runAsync(() -> {
            for (int i = 0; i < total; i++) {
                fixture.publish("seam.topic", "gw", i);
            }
        });
        List<ConnectionInfo> connections = new ArrayList<>();
        for (int s = 0; s < subscribers; s++) {
            long reached = (long) (s + 1) * total / (subscribers + 2);
            Awaitility.await().atMost(WAIT).until(() -> fixture.exchange.stats().published() >= reached);
            ConnectionInfo connection = ExchangeFixture.connection("c-" + s);
            fixture.exchange.subscribe(connection.id(),
                    SubscriptionRequest.of("s", TopicPattern.of("seam.*")).withBacklog(300));
            connections.add(connection);
        }
        publisher.get(30, TimeUnit.SECONDS);

        for (ConnectionInfo connection : connections) {
            List<Integer> received = fixture.exchange.outbound(connection).take(total)
                    .map(ExchangeFixture::number).collectList().block(WAIT);
            assertThat(received).hasSize(total);
            for (int i = 0; i < total; i++) {
                assertThat(received.get(i)).isEqualTo(i);
            }
        }
        assertThat(fixture.exchange.stats().dropped()).isZero();
    }

    @Test
    void messagesDeliveredFromAPeerAreRetainedAndDeliveredLocally() {
        ExchangeFixture fixture = new ExchangeFixture(PubSubConfig.defaults());
        fixture.exchange.subscribe(late.id(), SubscriptionRequest.of("s", TopicPattern.of("a.*")));

        int queued = fixture.exchange.deliverFromPeer(
                PubSubMessage.of("a.b", fixture.mapper.getNodeFactory().numberNode(5), "m", "remote", 1.0));

        assertThat(queued).isEqualTo(1);
        assertThat(fixture.exchange.stats().backlogMessages()).isEqualTo(1);
        List<WireMessage> received = fixture.exchange.outbound(late).take(1).collectList().block(WAIT);
        assertThat(received).extracting(ExchangeFixture::number).containsExactly(5);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"plain\"", "\"caf\u00e9 \u20ac\"", "\"caf\\u00e9\"", "{\"k\":\"\\uD83D\\uDE00\"}"})
    void backlogCountsEachMessageAsItsJsonInUtf8Bytes(String payload) {
        ExchangeFixture fixture = new ExchangeFixture(PubSubConfig.defaults());
        String frame = "{\"role\":\"pubsub-publish\",\"u\":\"p1\",\"message\":{\"topic\":\"a\",\"payload\":" + payload
                + ",\"timestamp\":1.5,\"headers\":{\"h\":" + payload + "}}}";
        PubSubMessage message = ((PubSubPublish) fixture.codec.decode(frame)).message();

        fixture.send(ExchangeFixture.connection("pub"), frame);

        assertThat(fixture.exchange.stats().backlogBytes())
                .isEqualTo(message.toJson(fixture.mapper).getBytes(StandardCharsets.UTF_8).length);
    }
}
