package io.mpreg.core.pubsub;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import io.mpreg.core.error.ErrorKind;
import io.mpreg.core.error.MpregException;
import io.mpreg.core.transport.ConnectionInfo;
import io.mpreg.core.wire.WireMessage;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Subscription;
import reactor.core.publisher.BaseSubscriber;

/**
 * A subscriber that never requests anything shares topics with one that reads
 * everything: the fast one and the publisher never wait, and the slow one's
 * queue stays within its bound under each policy.
 */
class SlowSubscriberTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final int BOUND = 10;
    private static final int PUBLISHED = 1000;

    private final ConnectionInfo slow = ExchangeFixture.connection("c-slow");
    private final ConnectionInfo fast = ExchangeFixture.connection("c-fast");

    /** Reads only when told to; records what it got and how it ended. */
    static final class Reader extends BaseSubscriber<WireMessage> {
        final List<Integer> received = new CopyOnWriteArrayList<>();
        final AtomicReference<Throwable> failure = new AtomicReference<>();
        private final boolean eager;

        Reader(boolean eager) {
            this.eager = eager;
        }

        @Override
        protected void hookOnSubscribe(Subscription subscription) {
            if (eager) {
                subscription.request(Long.MAX_VALUE);
            }
        }

        @Override
        protected void hookOnNext(WireMessage value) {
            received.add(ExchangeFixture.number(value));
        }

        @Override
        protected void hookOnError(Throwable throwable) {
            failure.set(throwable);
        }
    }

    private ExchangeFixture publishToSlowAndFast(SlowSubscriberPolicy policy, Reader slowReader, Reader fastReader) {
        ExchangeFixture fixture = new ExchangeFixture(PubSubConfig.defaults().withSlowSubscribers(BOUND, policy));
        fixture.exchange.subscribe(slow.id(), SubscriptionRequest.of("s", TopicPattern.of("ticks.#")));
        fixture.exchange.subscribe(fast.id(), SubscriptionRequest.of("s", TopicPattern.of("ticks.*")));
        fixture.exchange.outbound(slow).subscribe(slowReader);
        fixture.exchange.outbound(fast).subscribe(fastReader);
        for (int i = 0; i < PUBLISHED; i++) {
            fixture.publish("ticks.a", "gw", i);
        }
        return fixture;
    }

    @Test
    void dropOldestKeepsTheLatestMessagesForTheSlowSubscriberOnly() {
        Reader slowReader = new Reader(false);
        Reader fastReader = new Reader(true);
        ExchangeFixture fixture = publishToSlowAndFast(SlowSubscriberPolicy.DROP_OLDEST, slowReader, fastReader);

        assertThat(fastReader.received).hasSize(PUBLISHED).isSorted();
        assertThat(fixture.exchange.stats().dropped()).isEqualTo(PUBLISHED - BOUND);
        slowReader.request(Long.MAX_VALUE);
        Awaitility.await().atMost(WAIT).until(() -> slowReader.received.size() == BOUND);
        assertThat(slowReader.received).containsExactly(990, 991, 992, 993, 994, 995, 996, 997, 998, 999);
        assertThat(fixture.exchange.stats().delivered()).isEqualTo(PUBLISHED + BOUND);
    }

    @Test
    void dropNewestKeepsTheFirstMessagesForTheSlowSubscriberOnly() {
        Reader slowReader = new Reader(false);
        Reader fastReader = new Reader(true);
        ExchangeFixture fixture = publishToSlowAndFast(SlowSubscriberPolicy.DROP_NEWEST, slowReader, fastReader);

        assertThat(fastReader.received).hasSize(PUBLISHED).isSorted();
        slowReader.request(Long.MAX_VALUE);
        Awaitility.await().atMost(WAIT).until(() -> slowReader.received.size() == BOUND);
        assertThat(slowReader.received).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertThat(fixture.exchange.stats().dropped()).isEqualTo(PUBLISHED - BOUND);
    }

    @Test
    void disconnectEndsTheSlowConnectionWithOverloadedAndSparesTheOthers() {
        Reader slowReader = new Reader(false);
        Reader fastReader = new Reader(true);
        ExchangeFixture fixture = publishToSlowAndFast(SlowSubscriberPolicy.DISCONNECT, slowReader, fastReader);

        Awaitility.await().atMost(WAIT).until(() -> slowReader.failure.get() != null);
        assertThat(slowReader.failure.get()).isInstanceOfSatisfying(MpregException.class,
                e -> assertThat(e.kind()).isEqualTo(ErrorKind.OVERLOADED));
        assertThat(slowReader.received).isEmpty();
        assertThat(fastReader.received).hasSize(PUBLISHED).isSorted();
        PubSubStats stats = fixture.exchange.stats();
        assertThat(stats.disconnects()).isEqualTo(1);
        assertThat(stats.subscriptions()).isEqualTo(1);
        assertThat(stats.dropped()).isEqualTo(BOUND + 1);
    }

    @Test
    void queueBelowTheBoundLosesNothing() {
        Reader slowReader = new Reader(false);
        ExchangeFixture fixture = new ExchangeFixture(
                PubSubConfig.defaults().withSlowSubscribers(BOUND, SlowSubscriberPolicy.DISCONNECT));
        fixture.exchange.subscribe(slow.id(), SubscriptionRequest.of("s", TopicPattern.of("a")));
        fixture.exchange.outbound(slow).subscribe(slowReader);
        for (int i = 0; i < BOUND; i++) {
            fixture.publish("a", "gw", i);
        }

        slowReader.request(BOUND);

        Awaitility.await().atMost(WAIT).until(() -> slowReader.received.size() == BOUND);
        assertThat(fixture.exchange.stats().dropped()).isZero();
        assertThat(slowReader.failure.get()).isNull();
    }
}
