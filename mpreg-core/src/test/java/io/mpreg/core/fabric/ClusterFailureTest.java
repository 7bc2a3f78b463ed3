package io.mpreg.core.fabric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.mpreg.client.MpregClient;
import io.mpreg.core.cluster.Member;
import io.mpreg.core.error.ErrorKind;
import io.mpreg.core.error.MpregException;
import io.mpreg.core.function.FunctionDescriptor;
import io.mpreg.core.node.MpregNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import tools.jackson.databind.node.StringNode;

/** Nodes going away while calls run on them, over real sockets. */
class ClusterFailureTest {

    private TestCluster cluster;
    private MpregNode router;
    private MpregClient client;

    @BeforeEach
    void startRouter() {
        cluster = new TestCluster();
        router = cluster.start("router", b -> b);
        client = MpregClient.connect(router.url());
    }

    @AfterEach
    void stopCluster() {
        client.close();
        cluster.close();
    }

    @Test
    void nodeClosedMidCommandFailsTheCommandWithNodeLostWithinTheDetectionTime() {
        AtomicBoolean started = new AtomicBoolean();
        MpregNode slow = cluster.start("slow", b -> b.function(FunctionDescriptor.of("forever"), (args, kwargs) -> {
            started.set(true);
            return Mono.never();
        }));
        cluster.awaitConverged();
        CompletableFuture<String> call = client.call("forever", String.class).toFuture();
        await().atMost(Duration.ofSeconds(5)).untilTrue(started);
        long closedAt = System.nanoTime();
        CompletableFuture.runAsync(() -> cluster.close(slow));
        assertThatThrownBy(() -> call.get(10, TimeUnit.SECONDS)).cause()
                .isInstanceOfSatisfying(MpregException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.NODE_LOST);
                    assertThat(e.details().get("node").asString()).isEqualTo("slow");
                });
        assertThat(Duration.ofNanos(System.nanoTime() - closedAt))
                .isLessThan(TestCluster.FAST.failureDetectionBound(2));
    }

    @Test
    void idempotentFunctionLostWithItsNodeIsRetriedOnAnotherMatchingNode() {
        AtomicBoolean doomedCalled = new AtomicBoolean();
        MpregNode[] doomed = new MpregNode[1];
        doomed[0] = cluster.start("doomed", b -> b.resources("db").function(
                FunctionDescriptor.of("lookup").withIdempotent(true), (args, kwargs) -> {
                    if (doomedCalled.compareAndSet(false, true)) {
                        CompletableFuture.runAsync(() -> cluster.close(doomed[0]));
                    }
                    return Mono.never();
                }));
        cluster.start("healthy", b -> b.resources("db").function(FunctionDescriptor.of("lookup").withIdempotent(true),
                (args, kwargs) -> Mono.just(StringNode.valueOf("healthy"))));
        cluster.awaitConverged();
        for (int i = 0; i < 30 && !doomedCalled.get(); i++) {
            assertThat(client.blocking().call("lookup", String.class)).isEqualTo("healthy");
        }
        assertThat(doomedCalled).as("the router chose the doomed node at least once in 30 calls").isTrue();
        assertThat(TestCluster.cluster(router).stats().remoteCalls().get("doomed")).containsKey("node_lost");
    }

    @Test
    void gracefulCloseRemovesTheNodeFromEveryOtherViewWithinOneSecond() {
        MpregNode leaving = cluster.start("leaving", b -> b);
        MpregNode staying = cluster.start("staying", b -> b);
        cluster.awaitConverged();
        long closedAt = System.nanoTime();
        cluster.close(leaving);
        await().atMost(Duration.ofSeconds(1)).until(() -> gone(router, "leaving") && gone(staying, "leaving"));
        assertThat(Duration.ofNanos(System.nanoTime() - closedAt)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void seedNameResolvingToSeveralAddressesJoinsEveryOneOfThem() throws Exception {
        MpregNode first = MpregNode.builder().name("first").host("127.0.0.2").port(0)
                .cluster(ClusterSettings.builder().protocol(TestCluster.FAST).clusterId("dns").build()).start();
        try (first; MpregNode second = MpregNode.builder().name("second").host("127.0.0.3").port(first.port())
                .cluster(ClusterSettings.builder().protocol(TestCluster.FAST).clusterId("dns").build()).start();
             MpregNode joiner = MpregNode.builder().name("joiner").host("127.0.0.1").port(0)
                .cluster(ClusterSettings.builder().protocol(TestCluster.FAST).clusterId("dns")
                        .hostResolver(host -> List.of(InetAddress.getByName("127.0.0.2"),
                                InetAddress.getByName("127.0.0.3")))
                        .seeds("ws://seeds.cluster.test:" + first.port() + "/mpreg").build()).start()) {
            await().atMost(Duration.ofSeconds(10)).until(() -> List.of(first, second, joiner).stream()
                    .allMatch(n -> TestCluster.cluster(n).view().liveMembers().size() == 3));
            assertThat(TestCluster.cluster(first).view().member("second")).isNotNull();
        }
    }

    private static boolean gone(MpregNode observer, String id) {
        Member member = TestCluster.cluster(observer).view().member(id);
        return member == null || !member.status().isLive();
    }
}
