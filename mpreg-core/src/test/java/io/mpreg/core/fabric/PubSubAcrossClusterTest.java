package io.mpreg.core.fabric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.mpreg.client.MpregClient;
import io.mpreg.core.node.MpregNode;
import io.mpreg.core.pubsub.PubSubMessage;
import io.mpreg.core.pubsub.SubscriptionRequest;
import io.mpreg.core.pubsub.TopicPattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import tools.jackson.databind.node.IntNode;

/**
 * Three real nodes over WebSocket on loopback, with subscribers on each (in
 * process and through a client) and publishers on each: a message published on
 * any node reaches every matching subscription on every node once, in the
 * order its publisher sent it.
 */
class PubSubAcrossClusterTest {

    private static final List<String> TOPICS = List.of("orders.eu.created", "orders.us.cancelled", "audit.login",
            "billing.invoice.created", "metrics.cpu");
    private static final int PER_PUBLISHER = 60;

    private final List<Disposable> feeds = new ArrayList<>();
    private TestCluster cluster;
    private MpregNode a;
    private MpregNode b;
    private MpregNode c;
    private MpregClient clientOfB;

    @BeforeEach
    void startCluster() {
        cluster = new TestCluster();
        a = cluster.start("node-a", builder -> builder);
        b = cluster.start("node-b", builder -> builder);
        c = cluster.start("node-c", builder -> builder);
        cluster.awaitConverged();
        clientOfB = MpregClient.connect(b.url());
    }

    @AfterEach
    void stopCluster() {
        feeds.forEach(Disposable::dispose);
        clientOfB.close();
        cluster.close();
    }

    @Test
    void everyMatchingSubscriptionOnEveryNodeReceivesEachMessageOnceInPublisherOrder() {
        Queue<PubSubMessage> ordersOnA = subscribe(a, "orders-a", TopicPattern.of("orders.#"));
        Queue<PubSubMessage> createdOnB = new ConcurrentLinkedQueue<>();
        feeds.add(clientOfB.subscribe("#.created", "orders.eu.*").subscribe(createdOnB::add));
        // The client's subscription reaches b asynchronously: it must be there before b's readiness one.
        await().atMost(Duration.ofSeconds(5)).until(() -> b.pubSub().stats().subscriptions() == 1);
        Queue<PubSubMessage> auditOnC = subscribe(c, "audit-c", TopicPattern.of("audit.#"),
                TopicPattern.exact("orders.eu.created"), TopicPattern.of("*.eu.#"));
        awaitEveryNodeHearsEveryNode();

        List<CompletableFuture<Void>> publishers = new ArrayList<>();
        for (MpregNode node : List.of(a, b, c)) {
            publishers.add(CompletableFuture.runAsync(() -> publishAll(node)));
        }
        CompletableFuture.allOf(publishers.toArray(CompletableFuture[]::new)).orTimeout(20, TimeUnit.SECONDS).join();

        assertReceivesExactly(ordersOnA, topic -> topic.startsWith("orders."));
        assertReceivesExactly(createdOnB, topic -> topic.endsWith(".created") || topic.startsWith("orders.eu."));
        assertReceivesExactly(auditOnC, topic -> topic.startsWith("audit.") || topic.equals("orders.eu.created"));
        // a forwards its orders to b and c and its audit to c: two copies of each of its orders.eu.created
        assertThat(a.pubSub().stats().forwarded()).isGreaterThanOrEqualTo(2L * PER_PUBLISHER / TOPICS.size());
    }

    @Test
    void nodeSubscribingLaterStartsReceivingOnceItsInterestSpreads() {
        Queue<PubSubMessage> lateOnC = subscribe(c, "late-c", TopicPattern.of("late.*"));

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).until(() -> {
            a.pubSub().publish(message("late.news", "node-a", 0));
            return !lateOnC.isEmpty();
        });
        assertThat(lateOnC).allMatch(m -> m.topic().equals("late.news") && m.publisher().equals("node-a"));
    }

    @Test
    void closedNodesInterestIsDroppedSoNothingIsForwardedToIt() {
        subscribe(c, "gone-c", TopicPattern.of("only.c.#"));
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> forwardsToPeers(a, "only.c.topic"));

        cluster.close(c);

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> !forwardsToPeers(a, "only.c.topic") && !forwardsToPeers(b, "only.c.topic"));
    }

    @Test
    void messageFromAPeerIsDeliveredLocallyAndNeverForwardedAgain() {
        Queue<PubSubMessage> onB = subscribe(b, "hop-b", TopicPattern.of("hop.#"));
        Queue<PubSubMessage> onC = subscribe(c, "hop-c", TopicPattern.of("hop.#"));
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> copiesForwarded(a, "hop.probe") == 2 && copiesForwarded(b, "hop.probe") == 1);
        long forwardedByB = b.pubSub().stats().forwarded();

        a.pubSub().publish(message("hop.once", "node-a", 1));

        await().atMost(Duration.ofSeconds(5)).until(() -> onB.stream().anyMatch(m -> m.topic().equals("hop.once"))
                && onC.stream().anyMatch(m -> m.topic().equals("hop.once")));
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> onB.stream()
                .filter(m -> m.topic().equals("hop.once")).count() == 1 && onC.stream()
                .filter(m -> m.topic().equals("hop.once")).count() == 1);
        assertThat(b.pubSub().stats().forwarded()).isEqualTo(forwardedByB);
    }

    /** Subscribes last to a topic on every node and waits until a message from each node reaches each. */
    private void awaitEveryNodeHearsEveryNode() {
        List<MpregNode> all = List.of(a, b, c);
        List<Queue<PubSubMessage>> ready = new ArrayList<>();
        for (MpregNode node : all) {
            ready.add(subscribe(node, "ready", TopicPattern.of("ready.*")));
        }
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).until(() -> {
            for (MpregNode node : all) {
                node.pubSub().publish(message("ready." + node.config().name(), node.config().name(), 0));
            }
            return ready.stream().allMatch(queue -> all.stream().allMatch(node -> queue.stream()
                    .anyMatch(m -> m.publisher().equals(node.config().name()))));
        });
    }

    private void publishAll(MpregNode node) {
        String name = node.config().name();
        for (int i = 0; i < PER_PUBLISHER; i++) {
            node.pubSub().publish(message(TOPICS.get(i % TOPICS.size()), name, i));
        }
    }

    private static void assertReceivesExactly(Queue<PubSubMessage> received,
            java.util.function.Predicate<String> wanted) {
        List<String> expected = new ArrayList<>();
        for (String publisher : List.of("node-a", "node-b", "node-c")) {
            for (int i = 0; i < PER_PUBLISHER; i++) {
                if (wanted.test(TOPICS.get(i % TOPICS.size()))) {
                    expected.add(publisher + "/" + i);
                }
            }
        }
        Supplier<List<String>> got = () -> received.stream().filter(m -> !m.topic().startsWith("ready."))
                .map(m -> m.publisher() + "/" + m.payload().intValue()).toList();
        await().atMost(Duration.ofSeconds(10)).until(() -> got.get().size() >= expected.size());
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> got.get().size()
                == expected.size());
        assertThat(got.get()).containsExactlyInAnyOrderElementsOf(expected);
        for (String publisher : List.of("node-a", "node-b", "node-c")) {
            List<String> fromOne = got.get().stream().filter(id -> id.startsWith(publisher + "/")).toList();
            assertThat(fromOne).as("order of %s", publisher)
                    .isEqualTo(expected.stream().filter(id -> id.startsWith(publisher + "/")).toList());
        }
    }

    private static boolean forwardsToPeers(MpregNode node, String topic) {
        return copiesForwarded(node, topic) > 0;
    }

    /** Publishes on the node; how many peers it sent the message to. */
    private static long copiesForwarded(MpregNode node, String topic) {
        long before = node.pubSub().stats().forwarded();
        node.pubSub().publish(message(topic, node.config().name(), 0));
        return node.pubSub().stats().forwarded() - before;
    }

    private Queue<PubSubMessage> subscribe(MpregNode node, String id, TopicPattern... patterns) {
        Queue<PubSubMessage> received = new ConcurrentLinkedQueue<>();
        feeds.add(node.pubSub().subscribeInProcess(SubscriptionRequest.of(id, patterns)).subscribe(received::add));
        return received;
    }

    private static PubSubMessage message(String topic, String publisher, int sequence) {
        return new PubSubMessage(topic, IntNode.valueOf(sequence), publisher + "-" + topic + "-" + sequence,
                publisher, null, Map.of());
    }
}
