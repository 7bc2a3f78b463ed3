package io.mpreg.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.mpreg.client.MpregClient;
import io.mpreg.client.RpcCommand;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Four real server processes on 127.0.0.1: {@code ingest}, {@code process},
 * {@code analytics} and {@code storage}, each holding its pipeline stage's
 * resource tag; the last three also hold {@code worker} and offer
 * {@code worker.where}. The client talks to {@code ingest}, which offers no
 * worker function, so its calls are routed to the three workers.
 *
 * <p>One cluster serves every scenario in order (starting JVMs is the slow
 * part). Short cluster timings keep failure detection near two seconds.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProcessClusterIT {

    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(3);
    /** Slack over a computed bound for polling over HTTP and a shared 2-core machine. */
    private static final Duration SLACK = Duration.ofSeconds(1);

    private static final List<NodeSpec> NODES = List.of(
            NodeSpec.of("ingest", "ingestion"),
            NodeSpec.of("process", "processing", "worker"),
            NodeSpec.of("analytics", "analytics", "worker"),
            NodeSpec.of("storage", "storage", "worker"));

    private static ProcessCluster cluster;
    private static MpregClient client;

    @BeforeAll
    static void startTheCluster() {
        cluster = new ProcessCluster("it-" + UUID.randomUUID(), FastClusterTimings.arguments());
        cluster.startAll(NODES);
        awaitEveryNodeSeesEveryOtherAlive();
        client = MpregClient.builder().urls(cluster.node("ingest").url()).requestTimeout(CALL_TIMEOUT).build();
    }

    @AfterAll
    static void stopTheCluster() {
        if (client != null) {
            client.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Order(1)
    void onePipelineRequestRunsEachStageOnTheNodeHoldingItsResource() {
        Map<String, Object> results = client.request(pipeline("Sensors")).block(CALL_TIMEOUT.multipliedBy(2));

        @SuppressWarnings("unchecked")
        Map<String, Object> receipt = (Map<String, Object>) results.get("stored");
        assertThat(receipt.get("trail")).isEqualTo(
                List.of("ingest@ingest", "clean@process", "analyze@analytics", "store@storage"));
        assertThat(receipt.get("report")).isEqualTo("Sensors: 3 readings, min 10.0, max 30.0, mean 20.00");
    }

    @Test
    @Order(2)
    void randomRoutingGivesEachOfThreeEqualWorkersAFairShare() {
        Map<String, Long> counts = where(3_000);

        // Each count is Binomial(3000, 1/3): mean 1000, sd 25.8; +-5 sd fails by chance with p < 1e-6.
        assertThat(counts).containsOnlyKeys("process", "analytics", "storage");
        assertThat(counts.values()).allSatisfy(count -> assertThat(count).isBetween(870L, 1130L));
    }

    @Test
    @Order(3)
    void aFunctionRegisteredAtRuntimeReachesEveryNodeAndItsRemovalToo() {
        ServerProcess analytics = cluster.node("analytics");
        assertThat(analytics.post("/demo/functions/greet")).isEqualTo(201);

        await("greet in every catalog").atMost(Duration.ofSeconds(5)).until(() -> cluster.running().stream()
                .allMatch(node -> ClusterViews.offering(node, "greet").equals(List.of("analytics"))));
        assertThat(client.call("greet", String.class).block(CALL_TIMEOUT)).isEqualTo("greet answered by analytics");

        assertThat(analytics.delete("/demo/functions/greet")).isEqualTo(204);
        await("greet gone from every catalog").atMost(Duration.ofSeconds(5)).until(() -> cluster.running().stream()
                .allMatch(node -> ClusterViews.offering(node, "greet").isEmpty()));
    }

    @Test
    @Order(4)
    void aNodeStoppedGracefullyIsRemovedEverywhereWithinOneSecond() {
        ServerProcess storage = cluster.node("storage");
        List<ServerProcess> others = cluster.running().stream().filter(node -> node != storage).toList();

        storage.stop();

        await("storage left everywhere").atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(20))
                .until(() -> ClusterViews.allSee(others, "storage", "left", "absent"));
        storage.awaitExit();
        assertThat(where(300)).containsOnlyKeys("process", "analytics");
    }

    @Test
    @Order(5)
    void aRestartedNodeRejoinsAndServesAgain() {
        cluster.restart("storage");

        awaitEveryNodeSeesEveryOtherAlive();
        assertThat(where(300)).containsOnlyKeys("process", "analytics", "storage");
        assertThat(client.request(pipeline("Again")).block(CALL_TIMEOUT.multipliedBy(2))).containsKey("stored");
    }

    @Test
    @Order(6)
    void aKilledNodeIsDeclaredDeadInTimeAndNoCallHangsMeanwhile() {
        Duration detection = FastClusterTimings.failureDetectionBound(NODES.size()).plus(SLACK);
        ServerProcess analytics = cluster.node("analytics");
        List<ServerProcess> survivors = cluster.running().stream().filter(node -> node != analytics).toList();
        SteadyLoad load = SteadyLoad.start(client);
        await("load running").atMost(Duration.ofSeconds(5)).until(() -> load.completed() > 50);

        long killedAt = System.nanoTime();
        analytics.kill();
        await("analytics dead everywhere").atMost(detection).pollInterval(Duration.ofMillis(50))
                .until(() -> ClusterViews.allSee(survivors, "analytics", "dead", "left", "absent"));
        long declaredDeadAt = System.nanoTime();
        await("load after detection").atMost(Duration.ofSeconds(5)).until(() -> load.startedAfter(declaredDeadAt) > 200);
        List<SteadyLoad.Call> calls = load.stop();

        assertThat(Duration.ofNanos(declaredDeadAt - killedAt)).isLessThanOrEqualTo(detection);
        assertThat(calls).allSatisfy(call -> assertThat(call.duration())
                .isLessThanOrEqualTo(CALL_TIMEOUT.plus(SLACK)));
        List<SteadyLoad.Call> afterDetection = calls.stream().filter(call -> call.startedAt() > declaredDeadAt).toList();
        assertThat(afterDetection).isNotEmpty().allSatisfy(call -> {
            assertThat(call.error()).isNull();
            assertThat(call.node()).isIn("process", "storage");
        });

        cluster.restart("analytics");
        awaitEveryNodeSeesEveryOtherAlive();
        assertThat(client.request(pipeline("Healed")).block(CALL_TIMEOUT.multipliedBy(2))).containsKey("stored");
    }

    @Test
    @Order(7)
    void aMessagePublishedOnAnyProcessReachesEveryMatchingSubscriberOnEveryProcessOnceInOrder() {
        Map<ServerProcess, List<String>> subscriptions = new java.util.LinkedHashMap<>();
        subscriptions.put(cluster.node("ingest"), List.of("orders.#"));
        subscriptions.put(cluster.node("process"), List.of("#.created"));
        subscriptions.put(cluster.node("analytics"), List.of("orders.eu.*", "audit.#"));
        subscriptions.put(cluster.node("storage"), List.of("audit.#", "orders.#", "storage.only.#"));
        try (PubSubTraffic traffic = new PubSubTraffic(subscriptions)) {
            traffic.awaitReady();
            traffic.publishFromEveryNode(40);
            traffic.assertEachSubscriberReceivedExactlyItsMessages(40);

            ServerProcess storage = cluster.node("storage");
            List<ServerProcess> survivors = cluster.running().stream().filter(node -> node != storage).toList();
            storage.kill();
            traffic.forget("storage");
            await("storage dead everywhere").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                    .until(() -> ClusterViews.allSee(survivors, "storage", "dead", "left", "absent"));
            await("storage's interest dropped on ingest").atMost(Duration.ofSeconds(5))
                    .until(() -> !forwards(traffic, "ingest", "storage.only.x"));

            traffic.clear();
            traffic.publishFromEveryNode(20);
            traffic.assertEachSubscriberReceivedExactlyItsMessages(20);
        }
        cluster.restart("storage");
        awaitEveryNodeSeesEveryOtherAlive();
    }

    /** Whether publishing on the node sends a copy to any peer (its endpoint's forwarded count grows). */
    private static boolean forwards(PubSubTraffic traffic, String node, String topic) {
        long before = forwarded(node);
        traffic.client(node).publish(topic, Map.of("from", node, "seq", -1)).block(CALL_TIMEOUT);
        return forwarded(node) > before;
    }

    private static long forwarded(String node) {
        return cluster.node(node).getJson("/actuator/mpreg").path("subscriptions").path(node).path("stats")
                .path("forwarded").asLong();
    }

    private static List<RpcCommand> pipeline(String title) {
        return List.of(
                RpcCommand.of("ingested", "pipeline.ingest", List.of("a,10", "b,20", "c,oops", "d,30", "e,900")),
                RpcCommand.of("cleaned", "pipeline.clean", "ingested"),
                RpcCommand.of("analyzed", "pipeline.analyze", "cleaned"),
                RpcCommand.of("stored", "pipeline.store", title, "analyzed"));
    }

    /** Which worker answered each of the given number of calls, counted by node. */
    private static Map<String, Long> where(int calls) {
        return Flux.range(0, calls)
                .flatMap(i -> client.call("worker.where", String.class), 16)
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()))
                .block(Duration.ofSeconds(60));
    }

    private static void awaitEveryNodeSeesEveryOtherAlive() {
        List<String> names = NODES.stream().map(NodeSpec::name).toList();
        await("every node sees every other alive").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .ignoreExceptions()
                .until(() -> cluster.running().size() == names.size() && cluster.running().stream()
                        .allMatch(node -> names.stream().allMatch(name ->
                                "alive".equals(ClusterViews.statuses(node).get(name)))));
    }

    /** Calls {@code worker.where} continuously, 8 at a time, recording each call's outcome and timing. */
    private static final class SteadyLoad {

        record Call(long startedAt, Duration duration, String node, Throwable error) {
        }

        private final ConcurrentLinkedQueue<Call> calls = new ConcurrentLinkedQueue<>();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final Disposable subscription;

        private SteadyLoad(MpregClient client) {
            this.subscription = Flux.range(0, Integer.MAX_VALUE)
                    .takeWhile(i -> running.get())
                    .flatMap(i -> timed(client), 8)
                    .subscribeOn(Schedulers.boundedElastic())
                    .subscribe();
        }

        static SteadyLoad start(MpregClient client) {
            return new SteadyLoad(client);
        }

        private Mono<Call> timed(MpregClient client) {
            return Mono.defer(() -> {
                long start = System.nanoTime();
                return client.call("worker.where", String.class)
                        .map(node -> new Call(start, Duration.ofNanos(System.nanoTime() - start), node, null))
                        .onErrorResume(error -> Mono.just(
                                new Call(start, Duration.ofNanos(System.nanoTime() - start), null, error)))
                        .doOnNext(calls::add);
            });
        }

        long completed() {
            return calls.size();
        }

        long startedAfter(long nanos) {
            return calls.stream().filter(call -> call.startedAt() > nanos).count();
        }

        List<Call> stop() {
            running.set(false);
            subscription.dispose();
            return new ArrayList<>(calls);
        }
    }
}
