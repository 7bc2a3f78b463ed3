package io.mpreg.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.mpreg.core.error.ErrorKind;
import io.mpreg.core.error.MpregException;
import io.mpreg.core.function.FunctionDescriptor;
import io.mpreg.core.node.MpregNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.node.StringNode;

class MpregClientIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    /** Plain functions registered by reflection. */
    public static final class Geometry {

        public record Point(int x, int y) {
        }

        public Point point(int x, int y) {
            return new Point(x, y);
        }

        public List<Point> diagonal(int n) {
            return java.util.stream.IntStream.range(0, n).mapToObj(i -> new Point(i, i)).toList();
        }

        public int divide(int a, int b) {
            return a / b;
        }
    }

    private final AtomicInteger hangingCalls = new AtomicInteger();
    private MpregNode node;
    private MpregClient client;

    @BeforeEach
    void startNode() {
        node = startNode(0);
        client = MpregClient.connect(node.url());
    }

    @AfterEach
    void stopAll() {
        client.close();
        node.close();
    }

    private MpregNode startNode(int port) {
        return MpregNode.builder()
                .name("it-node").host("127.0.0.1").port(port).resources("cpu")
                .methods(new Geometry())
                .function(FunctionDescriptor.of("hang"), (args, kwargs) -> {
                    hangingCalls.incrementAndGet();
                    return Mono.never();
                })
                .start();
    }

    @Test
    void protocolExampleOfThreeCommandsResolvesEndToEnd() {
        Map<String, Object> results = client.request(List.of(
                RpcCommand.of("|first", "echo", "hi there!"),
                RpcCommand.of("|second", "echo", "|first"),
                RpcCommand.of("|third", "echos", "|first", "AND ME TOO"))).block(WAIT);

        assertThat(results).containsOnly(
                Map.entry("|second", "hi there!"),
                Map.entry("|third", List.of("hi there!", "AND ME TOO")));
    }

    @Test
    void resultsAreConvertedToRecordsAndGenericLists() {
        assertThat(client.call("point", Geometry.Point.class, 3, 4).block(WAIT)).isEqualTo(new Geometry.Point(3, 4));

        List<Geometry.Point> diagonal = client.call(RpcCommand.of("d", "diagonal", 3),
                new TypeReference<List<Geometry.Point>>() { }).block(WAIT);
        assertThat(diagonal).containsExactly(new Geometry.Point(0, 0), new Geometry.Point(1, 1),
                new Geometry.Point(2, 2));
    }

    @Test
    void kwargsAndLocsTravelWithTheCommand() {
        Geometry.Point point = client.call(RpcCommand.of("p", "point").withKwarg("x", 1).withKwargs(Map.of("y", 2))
                .withLocs("cpu"), Geometry.Point.class).block(WAIT);

        assertThat(point).isEqualTo(new Geometry.Point(1, 2));
    }

    @Test
    void unknownFunctionRaisesFunctionNotFound() {
        assertThatThrownBy(() -> client.call("ech0", String.class, "x").block(WAIT))
                .isInstanceOfSatisfying(MpregException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.FUNCTION_NOT_FOUND);
                    assertThat(e.code()).isEqualTo(1001);
                });
    }

    @Test
    void missingResourceRaisesFunctionNotFound() {
        assertThatThrownBy(() -> client.call(RpcCommand.of("x", "echo", 1).withLocs("gpu"), Integer.class).block(WAIT))
                .isInstanceOfSatisfying(MpregException.class,
                        e -> assertThat(e.kind()).isEqualTo(ErrorKind.FUNCTION_NOT_FOUND));
    }

    @Test
    void functionThatThrowsRaisesFunctionFailedWithDetails() {
        assertThatThrownBy(() -> client.call("divide", Integer.class, 1, 0).block(WAIT))
                .isInstanceOfSatisfying(MpregException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.FUNCTION_FAILED);
                    assertThat(e.details()).isNotNull();
                });
    }

    @Test
    void cyclicRequestRaisesCycle() {
        assertThatThrownBy(() -> client.request(List.of(
                RpcCommand.of("a", "echo", "b"),
                RpcCommand.of("b", "echo", "a"))).block(WAIT))
                .isInstanceOfSatisfying(MpregException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.CYCLE));
    }

    @Test
    void requestTimeoutIsEnforcedByTheNode() {
        assertThatThrownBy(() -> client.request(List.of(RpcCommand.of("h", "hang")), Duration.ofMillis(300)).block(WAIT))
                .isInstanceOfSatisfying(MpregException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.TIMEOUT));
    }

    @Test
    void nullResultCompletesEmpty() {
        assertThat(client.call("echo", String.class, (Object) null).blockOptional(WAIT)).isEmpty();
    }

    @Test
    void thousandRequestsAreInFlightAtOnceOnOneConnection() {
        int count = 1_000;
        AtomicInteger arrived = new AtomicInteger();
        Sinks.Empty<Void> allArrived = Sinks.empty();
        node.registry().register(FunctionDescriptor.of("gate"), (args, kwargs) -> {
            if (arrived.incrementAndGet() == count) {
                allArrived.tryEmitEmpty();
            }
            return allArrived.asMono().thenReturn(args.get(0));
        });

        List<Integer> results = Flux.range(0, count)
                .flatMap(i -> client.call("gate", Integer.class, i), count)
                .collectList()
                .block(WAIT);

        assertThat(results).hasSize(count).containsExactlyInAnyOrderElementsOf(
                java.util.stream.IntStream.range(0, count).boxed().toList());
        assertThat(node.transportStats().acceptedConnections()).isEqualTo(1);
    }

    @Test
    void clientFailsOverToTheNextUrlWhenTheFirstIsDown() throws Exception {
        String deadUrl = "ws://127.0.0.1:" + freePort() + "/mpreg";
        try (MpregClient failover = MpregClient.connect(deadUrl, node.url())) {

            assertThat(failover.call("echo", String.class, "via second").block(WAIT)).isEqualTo("via second");
        }
    }

    @Test
    void noReachableNodeFailsWithNodeLostNamingTheUrls() throws Exception {
        String deadUrl = "ws://127.0.0.1:" + freePort() + "/mpreg";
        try (MpregClient unreachable = MpregClient.builder().urls(deadUrl).connectRounds(2)
                .reconnectBackoff(Duration.ofMillis(10), Duration.ofMillis(20)).build()) {

            assertThatThrownBy(() -> unreachable.call("echo", String.class, "x").block(WAIT))
                    .isInstanceOfSatisfying(MpregException.class,
                            e -> assertThat(e.kind()).isEqualTo(ErrorKind.NODE_LOST))
                    .hasMessageContaining(deadUrl);
        }
    }

    @Test
    void pendingCallsFailWithNodeLostWhenTheNodeCloses() {
        CompletableFuture<String> pending = client.call("hang", String.class).toFuture();
        await().atMost(WAIT).until(() -> hangingCalls.get() == 1);

        node.close();

        assertThat(pending).failsWithin(WAIT).withThrowableOfType(ExecutionException.class)
                .havingCause()
                .isInstanceOfSatisfying(MpregException.class,
                        e -> assertThat(e.kind()).isEqualTo(ErrorKind.NODE_LOST))
                .withMessageContaining(node.url());
    }

    @Test
    void clientReconnectsAfterTheNodeRestartsOnTheSamePort() {
        assertThat(client.call("echo", String.class, "before").block(WAIT)).isEqualTo("before");
        int port = node.port();
        node.close();

        node = startNode(port);

        assertThat(client.call("echo", String.class, "after").block(WAIT)).isEqualTo("after");
    }

    @Test
    void aCallTheClosingConnectionRefusedGoesOutOnTheNextConnection() throws Exception {
        Scheduler replies = Schedulers.newSingle("held-replies");
        try (MpregClient held = MpregClient.builder().urls(node.url()).scheduler(replies).build()) {
            assertThat(held.call("echo", String.class, "before").block(WAIT)).isEqualTo("before");
            CountDownLatch release = new CountDownLatch(1);
            // While the client's reply thread is held, its session cannot hear that the connection ended.
            replies.schedule(() -> awaitQuietly(release));
            int port = node.port();
            node.close();
            node = startNode(port);

            CompletableFuture<String> after = held.call("echo", String.class, "after").toFuture();
            release.countDown();

            assertThat(after.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isEqualTo("after");
        } finally {
            replies.dispose();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void blockingClientReturnsValuesAndThrowsErrors() {
        BlockingMpregClient blocking = client.blocking();

        assertThat(blocking.call("echo", String.class, "plain")).isEqualTo("plain");
        assertThat(blocking.request(List.of(RpcCommand.of("a", "echos", 1, 2)))).containsEntry("a", List.of(1, 2));
        assertThatThrownBy(() -> blocking.call("nope", String.class))
                .isInstanceOfSatisfying(MpregException.class,
                        e -> assertThat(e.kind()).isEqualTo(ErrorKind.FUNCTION_NOT_FOUND));
    }

    @Test
    void firstCallCancelledWhileConnectingLeavesTheClientUsable() {
        try (MpregClient fresh = MpregClient.connect(node.url())) {
            fresh.call("echo", String.class, "abandoned").subscribe().dispose();

            assertThat(fresh.call("echo", String.class, "kept").block(WAIT)).isEqualTo("kept");
        }
    }

    @Test
    void closedClientRefusesCalls() {
        client.close();

        assertThatThrownBy(() -> client.call("echo", String.class, "x").block(WAIT))
                .isInstanceOfSatisfying(MpregException.class,
                        e -> assertThat(e.kind()).isEqualTo(ErrorKind.NODE_LOST));
    }

    @Test
    void registeredFunctionsCanBeAddedWhileTheNodeRuns() {
        node.registry().register(FunctionDescriptor.of("greet"),
                (args, kwargs) -> Mono.just(StringNode.valueOf("hello " + args.get(0).asString())));

        assertThat(client.blocking().call("greet", String.class, "world")).isEqualTo("hello world");
        assertThat(client.call("greet", String.class, "again").toFuture())
                .succeedsWithin(WAIT.toSeconds(), TimeUnit.SECONDS).isEqualTo("hello again");
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
