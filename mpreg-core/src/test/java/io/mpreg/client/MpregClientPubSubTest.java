package io.mpreg.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;

import io.mpreg.core.error.ErrorKind;
import io.mpreg.core.error.MpregException;
import io.mpreg.core.node.MpregNode;
import io.mpreg.core.pubsub.PubSubMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;

/** Publish and subscribe through MpregClient against real nodes over WebSocket. */
class MpregClientPubSubTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private final MpregNode node = MpregNode.builder().host("127.0.0.1").port(0).start();
    private final MpregClient subscriber = MpregClient.connect(node.url());
    private final MpregClient publisher = MpregClient.connect(node.url());

    @AfterEach
    void stop() {
        subscriber.close();
        publisher.close();
        node.close();
    }

    @Test
    void aSubscriptionReceivesEveryMatchingMessageInTheOrderPublished() {
        List<PubSubMessage> received = new CopyOnWriteArrayList<>();
        Disposable feed = subscriber.subscribe("orders.*.created", "audit.#").subscribe(received::add);
        await().atMost(WAIT).until(() -> node.pubSub().stats().subscriptions() == 1);

        for (int i = 0; i < 100; i++) {
            publisher.publish(i % 2 == 0 ? "orders.eu.created" : "audit.login.ok", Map.of("n", i)).block(WAIT);
        }
        publisher.publish("orders.eu.deleted", "not matched").block(WAIT);

        await().atMost(WAIT).until(() -> received.size() == 100);
        assertThat(received).extracting(message -> message.payload().get("n").asInt())
                .containsExactlyElementsOf(IntStream.range(0, 100).boxed().toList());
        feed.dispose();
    }

    @Test
    void headersAndPayloadTravelAsJson() {
        List<PubSubMessage> received = new CopyOnWriteArrayList<>();
        subscriber.subscribe("a.b").subscribe(received::add);
        await().atMost(WAIT).until(() -> node.pubSub().stats().subscriptions() == 1);

        publisher.publish("a.b", List.of(1, 2), Map.of("trace", "t-1")).block(WAIT);

        await().atMost(WAIT).until(() -> received.size() == 1);
        PubSubMessage message = received.get(0);
        assertThat(message.topic()).isEqualTo("a.b");
        assertThat(message.payload().toString()).isEqualTo("[1,2]");
        assertThat(message.headers().get("trace").asString()).isEqualTo("t-1");
        assertThat(message.messageId()).isNotBlank();
        assertThat(message.timestamp()).isNotNull();
    }

    @Test
    void cancellingTheFluxUnsubscribesAtTheNode() {
        Disposable feed = subscriber.subscribe("x.#").subscribe();
        await().atMost(WAIT).until(() -> node.pubSub().stats().subscriptions() == 1);

        feed.dispose();

        await().atMost(WAIT).until(() -> node.pubSub().stats().subscriptions() == 0);
    }

    @Test
    void afterTheConnectionDropsTheClientSubscribesAgainOnTheNextNode() {
        try (MpregNode second = MpregNode.builder().host("127.0.0.1").port(0).start();
             MpregClient failingOver = MpregClient.connect(node.url(), second.url());
             MpregClient onSecond = MpregClient.connect(second.url())) {
            List<PubSubMessage> received = new CopyOnWriteArrayList<>();
            failingOver.subscribe("news.#").subscribe(received::add);
            await().atMost(WAIT).until(() -> node.pubSub().stats().subscriptions() == 1);
            publisher.publish("news.first", 1).block(WAIT);
            await().atMost(WAIT).until(() -> received.size() == 1);

            node.close();

            await().atMost(WAIT).until(() -> second.pubSub().stats().subscriptions() == 1);
            onSecond.publish("news.second", 2).block(WAIT);
            await().atMost(WAIT).until(() -> received.size() == 2);
            assertThat(received.get(1).payload().asInt()).isEqualTo(2);
        }
    }

    @Test
    void blockingSubscribeReturnsOnceRegisteredAndCloseUnsubscribes() {
        List<Integer> received = new CopyOnWriteArrayList<>();
        Subscription subscription = subscriber.blocking()
                .subscribe(message -> received.add(message.payload().asInt()), "jobs.*");
        assertThat(node.pubSub().stats().subscriptions()).isEqualTo(1);

        publisher.blocking().publish("jobs.done", 7);
        await().atMost(WAIT).until(() -> received.equals(List.of(7)));

        subscription.close();
        await().atMost(WAIT).until(() -> node.pubSub().stats().subscriptions() == 0);
    }

    @Test
    void aCallbackThatThrowsDoesNotEndTheSubscription() {
        List<Integer> received = new CopyOnWriteArrayList<>();
        try (Subscription subscription = subscriber.blocking().subscribe(message -> {
            received.add(message.payload().asInt());
            if (received.size() == 1) {
                throw new IllegalStateException("first one fails");
            }
        }, "jobs.*")) {
            publisher.blocking().publish("jobs.a", 1);
            publisher.blocking().publish("jobs.b", 2);

            await().atMost(WAIT).until(() -> received.equals(List.of(1, 2)));
        }
    }

    @Test
    void badTopicsAndPatternsAreRefused() {
        assertThatThrownBy(() -> publisher.blocking().publish("a..b", 1))
                .isInstanceOfSatisfying(MpregException.class,
                        e -> assertThat(e.kind()).isEqualTo(ErrorKind.BAD_ARGUMENTS));
        assertThatThrownBy(() -> subscriber.subscribe("a.", "b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> subscriber.subscribe()).isInstanceOf(IllegalArgumentException.class);
    }
}
