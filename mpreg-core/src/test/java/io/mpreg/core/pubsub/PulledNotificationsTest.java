package io.mpreg.core.pubsub;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import io.mpreg.core.error.ErrorKind;
import io.mpreg.core.error.MpregException;
import io.mpreg.core.transport.ConnectionInfo;
import io.mpreg.core.transport.FrameSource;
import io.mpreg.core.transport.ReadBatch;
import io.mpreg.core.transport.Utf8Text;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;
import tools.jackson.databind.node.IntNode;

/** A connection's writer pulling its notifications as frames from the exchange, as the core's server does. */
class PulledNotificationsTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final ConnectionInfo dashboard = ExchangeFixture.connection("c-dash");
    private final AtomicReference<FrameSource> source = new AtomicReference<>();
    private final AtomicInteger wakeUps = new AtomicInteger();

    private StepVerifier.FirstStep<Void> attach(ExchangeFixture fixture) {
        return StepVerifier.create(fixture.exchange.pushTo(dashboard, attached -> {
            source.set(attached);
            return wakeUps::incrementAndGet;
        }));
    }

    private void subscribe(ExchangeFixture fixture, String pattern) {
        assertThat(fixture.send(dashboard, "{\"role\": \"pubsub-subscribe\", \"u\": \"s\", \"subscription\": "
                + "{\"subscription_id\": \"sub-1\", \"patterns\": [{\"pattern\": \"" + pattern + "\"}]}}"))
                .contains("\"success\":true");
    }

    private List<CharSequence> pull(int max, boolean expectMore) {
        List<CharSequence> frames = new ArrayList<>();
        assertThat(source.get().pull(frames::add, max)).isEqualTo(expectMore);
        return frames;
    }

    @Test
    void aNotificationIsPulledAsTheFrameTheCodecWritesWithTheMessageBytesShared() {
        ExchangeFixture fixture = new ExchangeFixture(PubSubConfig.defaults());
        attach(fixture).thenCancel().verify(WAIT);
        subscribe(fixture, "sensors.#");
        fixture.publish("sensors.t", "gw", 21);

        List<CharSequence> frames = pull(10, false);

        assertThat(frames).hasSize(1);
        CharSequence frame = frames.get(0);
        assertThat(frame).isInstanceOf(Utf8Text.class);
        String expected = fixture.encode(new PubSubNotification("n-1", "sub-1",
                PubSubMessage.of("sensors.t", IntNode.valueOf(21), "gw-21", "gw", 1.0)));
        assertThat(fixture.mapper.readTree(frame.toString())).isEqualTo(fixture.mapper.readTree(expected));
        assertThat(((Utf8Text) frame).utf8Length()).isEqualTo(frame.toString().getBytes(StandardCharsets.UTF_8).length);
        assertThat(fixture.exchange.stats().delivered()).isEqualTo(1);
    }

    @Test
    void aPullTakesAtMostItsLimitInOrderAndSaysWhetherMoreWait() {
        ExchangeFixture fixture = new ExchangeFixture(PubSubConfig.defaults());
        attach(fixture).thenCancel().verify(WAIT);
        subscribe(fixture, "t");
        for (int n = 0; n < 5; n++) {
            fixture.publish("t", "gw", n);
        }

        List<CharSequence> first = pull(3, true);
        List<CharSequence> rest = pull(3, false);

        assertThat(first).hasSize(3);
        assertThat(rest).hasSize(2);
        List<String> ids = new ArrayList<>();
        first.forEach(frame -> ids.add(messageId(fixture, frame)));
        rest.forEach(frame -> ids.add(messageId(fixture, frame)));
        assertThat(ids).containsExactly("gw-0", "gw-1", "gw-2", "gw-3", "gw-4");
    }

    @Test
    void publishesOfOneReadBatchWakeTheWriterOnceAtItsEnd() {
        ExchangeFixture fixture = new ExchangeFixture(PubSubConfig.defaults());
        attach(fixture).thenCancel().verify(WAIT);
        subscribe(fixture, "t");
        int before = wakeUps.get();

        ReadBatch.open();
        try {
            for (int n = 0; n < 100; n++) {
                fixture.publish("t", "gw", n);
            }
            assertThat(wakeUps.get()).isEqualTo(before);
        } finally {
            ReadBatch.close();
        }

        assertThat(wakeUps.get()).isEqualTo(before + 1);
        fixture.publish("t", "gw", 100);
        assertThat(wakeUps.get()).isEqualTo(before + 2);
    }

    @Test
    void theDisconnectPolicyFailsTheConnectionAndItsCloseCompletesIt() {
        ExchangeFixture disconnecting = new ExchangeFixture(
                PubSubConfig.defaults().withSlowSubscribers(2, SlowSubscriberPolicy.DISCONNECT));
        attach(disconnecting)
                .then(() -> {
                    subscribe(disconnecting, "t");
                    for (int n = 0; n < 3; n++) {
                        disconnecting.publish("t", "gw", n);
                    }
                })
                .expectErrorSatisfies(error -> assertThat(((MpregException) error).kind()).isEqualTo(ErrorKind.OVERLOADED))
                .verify(WAIT);

        ExchangeFixture plain = new ExchangeFixture(PubSubConfig.defaults());
        attach(plain)
                .then(() -> plain.exchange.connectionClosed(dashboard.id()))
                .expectComplete()
                .verify(WAIT);
    }

    @Test
    void aConnectionTakesItsNotificationsOneWayOnly() {
        ExchangeFixture fixture = new ExchangeFixture(PubSubConfig.defaults());
        attach(fixture).thenCancel().verify(WAIT);

        StepVerifier.create(fixture.exchange.outbound(dashboard)).expectError(IllegalStateException.class).verify(WAIT);
        StepVerifier.create(fixture.exchange.pushTo(dashboard, attached -> () -> { }))
                .expectError(IllegalStateException.class)
                .verify(WAIT);
    }

    private static String messageId(ExchangeFixture fixture, CharSequence frame) {
        return fixture.mapper.readTree(frame.toString()).get("message").get("message_id").asString();
    }
}
