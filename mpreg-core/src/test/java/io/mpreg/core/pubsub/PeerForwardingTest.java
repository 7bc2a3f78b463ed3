package io.mpreg.core.pubsub;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import io.mpreg.core.transport.ConnectionInfo;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.IntNode;

class PeerForwardingTest {

    private final ExchangeFixture fixture = new ExchangeFixture(PubSubConfig.defaults());
    private final RecordingForwarder peers = new RecordingForwarder(2);
    private final ConnectionInfo dashboard = ExchangeFixture.connection("c-dashboard");

    @Test
    void publishedMessageIsHandedToTheForwarderStampedAndInOrderAndItsCopiesCounted() {
        fixture.exchange.forwardTo(peers);

        for (int i = 0; i < 3; i++) {
            fixture.exchange.publish(new PubSubMessage("orders.eu", IntNode.valueOf(i), "m-" + i, "shop", null,
                    java.util.Map.of()));
        }

        assertThat(peers.forwarded).extracting(PubSubMessage::messageId).containsExactly("m-0", "m-1", "m-2");
        assertThat(peers.forwarded).allMatch(m -> m.timestamp() == fixture.clock.millis() / 1000.0);
        assertThat(fixture.exchange.stats().forwarded()).isEqualTo(6);
    }

    @Test
    void messageFromAPeerIsDeliveredLocallyButNeverForwarded() {
        fixture.exchange.forwardTo(peers);
        fixture.exchange.subscribe(dashboard.id(), SubscriptionRequest.of("s", TopicPattern.of("orders.#")));

        int queued = fixture.exchange.deliverFromPeer(PubSubMessage.of("orders.eu", IntNode.valueOf(1), "m-1",
                "shop", 1.0));

        assertThat(queued).isEqualTo(1);
        assertThat(peers.forwarded).isEmpty();
        assertThat(fixture.exchange.stats().forwarded()).isZero();
    }

    @Test
    void forwarderIsToldWhenSubscriptionsComeAndGo() {
        fixture.exchange.forwardTo(peers);

        fixture.exchange.subscribe(dashboard.id(), SubscriptionRequest.of("s", TopicPattern.of("orders.#")));
        assertThat(peers.interestChanges.get()).isEqualTo(1);
        assertThat(fixture.exchange.interest().patterns()).containsExactly(TopicPattern.of("orders.#"));

        fixture.exchange.unsubscribe(dashboard.id(), "s");
        assertThat(peers.interestChanges.get()).isEqualTo(2);
        assertThat(fixture.exchange.interest().patterns()).isEmpty();
    }

    /** Records what the exchange hands over; claims each message reached the given number of peers. */
    private static final class RecordingForwarder implements PeerForwarder {
        final List<PubSubMessage> forwarded = new CopyOnWriteArrayList<>();
        final AtomicInteger interestChanges = new AtomicInteger();
        private final int peers;

        RecordingForwarder(int peers) {
            this.peers = peers;
        }

        @Override
        public int forward(PubSubMessage message) {
            forwarded.add(message);
            return peers;
        }

        @Override
        public void interestChanged() {
            interestChanges.incrementAndGet();
        }
    }
}
