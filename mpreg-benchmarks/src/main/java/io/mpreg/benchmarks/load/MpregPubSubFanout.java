package io.mpreg.benchmarks.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import io.mpreg.core.transport.WebSocketClient;
import io.mpreg.core.transport.WebSocketClientConnection;

/**
 * Pub/sub over MPREG's WebSocket protocol with raw JSON frames: each
 * subscriber on its own connection, the publisher on another. The publisher's
 * acks are counted and dropped; a subscriber counts its notification frames
 * without decoding them.
 */
final class MpregPubSubFanout implements PubSubFanout {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private final WebSocketClientConnection publisher;
    private final List<WebSocketClientConnection> subscribers;
    private final ReceiveCounter[] received;
    private final LongAdder acks = new LongAdder();
    private long sequence;

    private MpregPubSubFanout(WebSocketClientConnection publisher, List<WebSocketClientConnection> subscribers,
                              ReceiveCounter[] received) {
        this.publisher = publisher;
        this.subscribers = subscribers;
        this.received = received;
        publisher.inbound().subscribe(frame -> acks.increment());
    }

    /**
     * Connects the subscribers (each to {@code pattern}) and the publisher, and
     * returns once every subscription is acknowledged.
     */
    static MpregPubSubFanout connect(String url, int subscriberCount, String pattern) throws Exception {
        WebSocketClient client = WebSocketClient.create();
        List<WebSocketClientConnection> subscribers = new ArrayList<>(subscriberCount);
        ReceiveCounter[] received = new ReceiveCounter[subscriberCount];
        for (int i = 0; i < subscriberCount; i++) {
            WebSocketClientConnection connection = client.connect(url).block(WAIT);
            ReceiveCounter count = new ReceiveCounter();
            received[i] = count;
            connection.send("{\"role\":\"pubsub-subscribe\",\"u\":\"s" + i + "\",\"subscription\":{"
                    + "\"subscription_id\":\"load-" + i + "\",\"patterns\":[{\"pattern\":\"" + pattern + "\"}]}}");
            CompletableFuture<String> ack = new CompletableFuture<>();
            connection.inbound().subscribe(frame -> {
                if (frame.startsWith("{\"role\":\"pubsub-notification\"")) {
                    count.increment();
                } else {
                    ack.complete(frame);
                }
            });
            String reply = ack.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            if (!reply.contains("\"success\":true")) {
                throw new IllegalStateException("subscription refused: " + reply);
            }
            subscribers.add(connection);
        }
        return new MpregPubSubFanout(client.connect(url).block(WAIT), subscribers, received);
    }

    @Override
    public void publish(String payload) {
        publisher.send("{\"role\":\"pubsub-publish\",\"u\":\"p" + sequence++ + "\",\"message\":{\"topic\":\""
                + TOPIC + "\",\"payload\":\"" + payload + "\"}}");
    }

    @Override
    public long received(int subscriber) {
        return received[subscriber].get();
    }

    @Override
    public void awaitReceived(int subscriber, long count, long maxWaitNanos) {
        received[subscriber].awaitAtLeast(count, maxWaitNanos);
    }

    @Override
    public int subscribers() {
        return received.length;
    }

    @Override
    public void close() {
        publisher.close();
        subscribers.forEach(WebSocketClientConnection::close);
    }
}
