package io.mpreg.benchmarks.load;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.Options;

/** The same fan-out over NATS core pub/sub: each subscriber on its own connection, as on MPREG. */
final class NatsPubSubFanout implements PubSubFanout {

    private final Connection publisher;
    private final List<Connection> subscribers;
    private final ReceiveCounter[] received;

    private NatsPubSubFanout(Connection publisher, List<Connection> subscribers, ReceiveCounter[] received) {
        this.publisher = publisher;
        this.subscribers = subscribers;
        this.received = received;
    }

    /** Connects and subscribes each subscriber to {@code subject} (NATS wildcards: {@code *}, {@code >}). */
    static NatsPubSubFanout connect(String url, int subscriberCount, String subject) throws Exception {
        List<Connection> subscribers = new ArrayList<>(subscriberCount);
        ReceiveCounter[] received = new ReceiveCounter[subscriberCount];
        for (int i = 0; i < subscriberCount; i++) {
            Connection connection = Nats.connect(options(url, "mpreg-load-sub-" + i));
            ReceiveCounter count = new ReceiveCounter();
            received[i] = count;
            connection.createDispatcher(message -> count.increment()).subscribe(subject);
            // A round trip to the server, so the subscription is registered before publishing starts.
            connection.flush(Duration.ofSeconds(10));
            subscribers.add(connection);
        }
        return new NatsPubSubFanout(Nats.connect(options(url, "mpreg-load-pub")), subscribers, received);
    }

    private static Options options(String url, String name) {
        return new Options.Builder().server(url).connectionName(name).build();
    }

    @Override
    public void publish(String payload) {
        publisher.publish(TOPIC, payload.getBytes(StandardCharsets.UTF_8));
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
        try {
            publisher.close();
            for (Connection subscriber : subscribers) {
                subscriber.close();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
