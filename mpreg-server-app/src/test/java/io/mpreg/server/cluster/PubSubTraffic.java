package io.mpreg.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Predicate;

import io.mpreg.client.MpregClient;
import io.mpreg.core.pubsub.PubSubMessage;
import io.mpreg.core.pubsub.TopicPattern;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;

/**
 * One client per node of a process cluster, each subscribed on its node with
 * its own patterns and publishing on its node; checks that every subscriber
 * receives exactly the messages its patterns match, once, in each publisher's order.
 */
final class PubSubTraffic implements AutoCloseable {

    static final List<String> TOPICS = List.of("orders.eu.created", "orders.us.cancelled", "audit.login",
            "billing.invoice.created", "metrics.cpu");
    private static final Duration WAIT = Duration.ofSeconds(15);

    private final Map<String, MpregClient> clients = new LinkedHashMap<>();
    private final Map<String, List<TopicPattern>> patterns = new LinkedHashMap<>();
    private final Map<String, Queue<PubSubMessage>> received = new LinkedHashMap<>();
    private final List<Disposable> feeds = new ArrayList<>();

    /** Subscribes a client of each node to its patterns, plus {@code ready.*} for {@link #awaitReady}. */
    PubSubTraffic(Map<ServerProcess, List<String>> subscriptions) {
        subscriptions.forEach((node, wanted) -> {
            MpregClient client = MpregClient.connect(node.url());
            clients.put(node.name(), client);
            patterns.put(node.name(), wanted.stream().map(TopicPattern::of).toList());
            Queue<PubSubMessage> queue = new ConcurrentLinkedQueue<>();
            received.put(node.name(), queue);
            List<String> all = new ArrayList<>(wanted);
            all.add("ready.*");
            feeds.add(client.subscribe(all.toArray(String[]::new)).subscribe(queue::add));
        });
    }

    /** Waits until a message published on each node reaches the subscriber on each node. */
    void awaitReady() {
        await("every node's interest known everywhere").atMost(WAIT).pollInterval(Duration.ofMillis(100)).until(() -> {
            clients.forEach((name, client) -> client.publish("ready." + name, Map.of("from", name)).block(WAIT));
            return received.values().stream().allMatch(queue -> clients.keySet().stream().allMatch(name -> queue
                    .stream().anyMatch(m -> m.topic().equals("ready." + name))));
        });
        received.values().forEach(Queue::clear);
    }

    /** Every client publishes the given number of messages on its node, one after another, all clients at once. */
    void publishFromEveryNode(int perPublisher) {
        Flux.fromIterable(clients.entrySet())
                .flatMap(entry -> Flux.range(0, perPublisher).concatMap(i -> entry.getValue().publish(
                        TOPICS.get(i % TOPICS.size()), Map.of("from", entry.getKey(), "seq", i))))
                .blockLast(Duration.ofSeconds(60));
    }

    /** Each subscriber got exactly the messages its patterns match from each publisher, once and in order. */
    void assertEachSubscriberReceivedExactlyItsMessages(int perPublisher) {
        received.forEach((subscriber, queue) -> {
            List<String> expected = new ArrayList<>();
            for (String publisher : clients.keySet()) {
                for (int i = 0; i < perPublisher; i++) {
                    String topic = TOPICS.get(i % TOPICS.size());
                    if (patterns.get(subscriber).stream().anyMatch(p -> p.matches(topic))) {
                        expected.add(publisher + "/" + i);
                    }
                }
            }
            await(subscriber + " received its messages").atMost(WAIT)
                    .until(() -> ids(queue, id -> true).size() >= expected.size());
            await(subscriber + " received nothing more").during(Duration.ofMillis(500)).atMost(WAIT)
                    .until(() -> ids(queue, id -> true).size() == expected.size());
            assertThat(ids(queue, id -> true)).as(subscriber).containsExactlyInAnyOrderElementsOf(expected);
            for (String publisher : clients.keySet()) {
                Predicate<String> fromPublisher = id -> id.startsWith(publisher + "/");
                assertThat(ids(queue, fromPublisher)).as("%s's order at %s", publisher, subscriber)
                        .isEqualTo(expected.stream().filter(fromPublisher).toList());
            }
        });
    }

    /** Forgets a node that is gone. */
    void forget(String node) {
        MpregClient client = clients.remove(node);
        if (client != null) {
            client.close();
        }
        received.remove(node);
        patterns.remove(node);
    }

    MpregClient client(String node) {
        return clients.get(node);
    }

    /** Forgets what was received so far. */
    void clear() {
        received.values().forEach(Queue::clear);
    }

    private static List<String> ids(Queue<PubSubMessage> queue, Predicate<String> filter) {
        return queue.stream().filter(m -> !m.topic().startsWith("ready."))
                .map(m -> m.payload().path("from").asString() + "/" + m.payload().path("seq").asInt())
                .filter(filter).toList();
    }

    @Override
    public void close() {
        feeds.forEach(Disposable::dispose);
        clients.values().forEach(MpregClient::close);
    }
}
