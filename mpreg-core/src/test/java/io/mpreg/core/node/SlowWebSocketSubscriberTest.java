package io.mpreg.core.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.mpreg.core.pubsub.PubSubConfig;
import io.mpreg.core.pubsub.SlowSubscriberPolicy;
import io.mpreg.core.transport.WebSocketClient;
import io.mpreg.core.transport.WebSocketClientConnection;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A WebSocket subscriber that stops reading does not slow the others: over
 * real sockets, its socket buffers fill, the transport stops taking its
 * notifications, its bounded queue applies the policy, and a fast subscriber
 * of the same messages still receives every one of them in order. The
 * publisher is held at most {@link #WINDOW} messages ahead of the fast
 * subscriber (as a real publisher would be by its consumers), never by the slow one.
 */
class SlowWebSocketSubscriberTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int MESSAGES = 30_000;
    private static final String PAD = "x".repeat(1_000);
    /** How far the publisher may run ahead of the fast subscriber, well below the queue bound of 100. */
    private static final int WINDOW = 50;

    @ParameterizedTest
    @EnumSource(value = SlowSubscriberPolicy.class, names = {"DROP_OLDEST", "DISCONNECT"})
    void aSubscriberThatStopsReadingDoesNotSlowAFastOne(SlowSubscriberPolicy policy) throws Exception {
        try (MpregNode node = MpregNode.builder().host("127.0.0.1").port(0)
                .pubSub(PubSubConfig.defaults().withSlowSubscribers(100, policy).withBacklogWindow(Duration.ZERO))
                .start()) {
            StalledSubscriber slow = StalledSubscriber.subscribe(node.url());
            FastSubscriber fast = FastSubscriber.subscribe(node.url());
            await().atMost(WAIT).until(() -> node.pubSub().stats().subscriptions() == 2);

            AtomicInteger acks = new AtomicInteger();
            try (WebSocketClientConnection publisher = WebSocketClient.create().connect(node.url()).block(WAIT)) {
                publisher.inbound().subscribe(frame -> acks.incrementAndGet());
                for (int i = 0; i < MESSAGES; i++) {
                    assertThat(fast.window.tryAcquire(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
                    publisher.send("{\"role\": \"pubsub-publish\", \"u\": \"p" + i + "\", \"message\": "
                            + "{\"topic\": \"load.test\", \"payload\": {\"seq\": " + i + ", \"pad\": \"" + PAD + "\"}}}");
                }
                await().atMost(WAIT).until(() -> acks.get() == MESSAGES);
            }

            await().atMost(WAIT).until(() -> fast.received.get() == MESSAGES);
            assertThat(fast.outOfOrder.get()).isZero();
            assertThat(node.pubSub().stats().dropped()).isPositive();
            if (policy == SlowSubscriberPolicy.DISCONNECT) {
                // The stalled client reads nothing, not even the close: the node's side shows the end.
                await().atMost(WAIT).until(() -> node.transportStats().openConnections() == 1);
                assertThat(node.pubSub().stats().disconnects()).isEqualTo(1);
            } else {
                assertThat(node.transportStats().openConnections()).isEqualTo(2);
            }
            assertThat(node.pubSub().stats().subscriptions()).isEqualTo(policy == SlowSubscriberPolicy.DISCONNECT ? 1 : 2);
            fast.connection.close();
            slow.socket.abort();
        }
    }

    /** A JDK WebSocket client that reads the subscribe ack and then asks for nothing more. */
    private static final class StalledSubscriber implements WebSocket.Listener {
        final CompletableFuture<Void> acked = new CompletableFuture<>();
        WebSocket socket;

        static StalledSubscriber subscribe(String url) throws Exception {
            StalledSubscriber listener = new StalledSubscriber();
            listener.socket = HttpClient.newHttpClient().newWebSocketBuilder()
                    .buildAsync(URI.create(url), listener).get(WAIT.toSeconds(), TimeUnit.SECONDS);
            listener.socket.sendText(subscribeFrame("slow"), true).get(WAIT.toSeconds(), TimeUnit.SECONDS);
            listener.acked.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            return listener;
        }

        @Override
        public void onOpen(WebSocket webSocket) {
            webSocket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            acked.complete(null);
            return null;
        }
    }

    /** A client that reads everything and checks that sequence numbers only grow by one. */
    private static final class FastSubscriber {
        final AtomicInteger received = new AtomicInteger();
        final AtomicInteger outOfOrder = new AtomicInteger();
        final AtomicLong expected = new AtomicLong();
        final Semaphore window = new Semaphore(WINDOW);
        WebSocketClientConnection connection;

        static FastSubscriber subscribe(String url) {
            FastSubscriber subscriber = new FastSubscriber();
            subscriber.connection = WebSocketClient.create().connect(url).block(WAIT);
            subscriber.connection.inbound().map(JSON::readTree)
                    .filter(frame -> frame.get("role").asString().equals("pubsub-notification"))
                    .subscribe(subscriber::accept);
            subscriber.connection.send(subscribeFrame("fast"));
            return subscriber;
        }

        private void accept(JsonNode notification) {
            long seq = notification.get("message").get("payload").get("seq").asLong();
            if (!expected.compareAndSet(seq, seq + 1)) {
                outOfOrder.incrementAndGet();
            }
            received.incrementAndGet();
            window.release();
        }
    }

    private static String subscribeFrame(String id) {
        return "{\"role\": \"pubsub-subscribe\", \"u\": \"" + id + "\", \"subscription\": {\"subscription_id\": \""
                + id + "\", \"patterns\": [{\"pattern\": \"load.#\"}]}}";
    }
}
