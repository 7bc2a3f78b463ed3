package io.mpreg.core.pubsub;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import io.mpreg.core.error.ErrorKind;
import io.mpreg.core.error.MpregException;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;
import tools.jackson.databind.node.IntNode;

/** Subscriptions of code on the node, without a connection, and the operator's list of subscriptions. */
class InProcessSubscriptionTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private final ExchangeFixture fixture = new ExchangeFixture(PubSubConfig.defaults());
    private final PubSubExchange exchange = fixture.exchange;

    @Test
    void anInProcessSubscriptionReceivesMatchingMessagesUntilCancelled() {
        StepVerifier.create(exchange.subscribeInProcess(SubscriptionRequest.of("local", TopicPattern.of("a.*"))))
                .then(() -> {
                    fixture.publish("a.b", "p", 1);
                    fixture.publish("x.y", "p", 2);
                    fixture.publish("a.c", "p", 3);
                })
                .assertNext(message -> assertThat(message.payload().intValue()).isEqualTo(1))
                .assertNext(message -> assertThat(message.payload().intValue()).isEqualTo(3))
                .then(() -> assertThat(exchange.stats().subscriptions()).isEqualTo(1))
                .thenCancel()
                .verify(WAIT);

        assertThat(exchange.stats().subscriptions()).isZero();
        assertThat(exchange.stats().connections()).isZero();
    }

    @Test
    void anInProcessSubscriptionMayReplayTheBacklog() {
        fixture.publish("logs.a", "p", 1);

        StepVerifier.create(exchange.subscribeInProcess(
                        SubscriptionRequest.of("replay", TopicPattern.of("logs.#")).withBacklog(60)).take(1))
                .assertNext(message -> assertThat(message.payload().intValue()).isEqualTo(1))
                .expectComplete()
                .verify(WAIT);
    }

    @Test
    void aSlowInProcessSubscriberIsDisconnectedUnderTheDisconnectPolicy() {
        PubSubExchange strict = new ExchangeFixture(PubSubConfig.defaults()
                .withSlowSubscribers(2, SlowSubscriberPolicy.DISCONNECT)).exchange;

        StepVerifier.create(strict.subscribeInProcess(SubscriptionRequest.of("slow", TopicPattern.of("#"))), 0)
                .then(() -> {
                    for (int i = 0; i < 3; i++) {
                        strict.publish(PubSubMessage.of("t", IntNode.valueOf(i), "m" + i,
                                "p", 1.0));
                    }
                })
                .expectErrorSatisfies(error -> assertThat(((MpregException) error).kind())
                        .isEqualTo(ErrorKind.OVERLOADED))
                .verify(WAIT);
    }

    @Test
    void subscriptionsAreListedByConnectionWithTheirPatterns() {
        fixture.send(ExchangeFixture.connection("c2"), "{\"role\": \"pubsub-subscribe\", \"u\": \"1\", "
                + "\"subscription\": {\"subscription_id\": \"s1\", \"subscriber\": \"dash\", \"patterns\": "
                + "[{\"pattern\": \"a.#\"}, {\"pattern\": \"b.*\", \"exact_match\": true}]}}");
        fixture.send(ExchangeFixture.connection("c1"), "{\"role\": \"pubsub-subscribe\", \"u\": \"2\", "
                + "\"subscription\": {\"subscription_id\": \"s0\", \"patterns\": [{\"pattern\": \"z\"}]}}");

        assertThat(exchange.subscriptions()).containsExactly(
                new SubscriptionView("c1", "s0", List.of("z"), ""),
                new SubscriptionView("c2", "s1", List.of("a.#", "=b.*"), "dash"));
    }
}
