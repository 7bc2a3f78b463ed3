package io.mpreg.core.fabric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import io.mpreg.client.MpregClient;
import io.mpreg.client.RpcCommand;
import io.mpreg.core.error.ErrorKind;
import io.mpreg.core.error.MpregException;
import io.mpreg.core.fabric.internal.Fabric;
import io.mpreg.core.function.FunctionDescriptor;
import io.mpreg.core.node.MpregNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.node.StringNode;

/** The connections between clustered nodes over real sockets: one per pair, and what travels on them. */
class PeerConnectionsTest {

    private final TestCluster cluster = new TestCluster();

    @AfterEach
    void stop() {
        cluster.close();
    }

    @Test
    void twoNodesCallingEachOtherEndUpWithOneConnectionBetweenThem() {
        MpregNode a = cluster.start("a", b -> b.resources("ra")
                .function(FunctionDescriptor.of("onA"), (args, kwargs) -> Mono.just(StringNode.valueOf("a"))));
        MpregNode b = cluster.start("b", n -> n.resources("rb")
                .function(FunctionDescriptor.of("onB"), (args, kwargs) -> Mono.just(StringNode.valueOf("b"))));
        cluster.awaitConverged();
        try (MpregClient toA = MpregClient.connect(a.url()); MpregClient toB = MpregClient.connect(b.url())) {
            for (int i = 0; i < 20; i++) {
                assertThat(toA.blocking().call(RpcCommand.of("|x", "onB").withLocs("rb"), String.class))
                        .isEqualTo("b");
                assertThat(toB.blocking().call(RpcCommand.of("|y", "onA").withLocs("ra"), String.class))
                        .isEqualTo("a");
            }
            Fabric fabricA = (Fabric) TestCluster.cluster(a);
            Fabric fabricB = (Fabric) TestCluster.cluster(b);
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                assertThat(fabricA.openLinks() + fabricB.openLinks()).as("connections dialed").isEqualTo(1);
                assertThat(fabricA.inboundChannels() + fabricB.inboundChannels()).as("connections accepted")
                        .isEqualTo(1);
                // Each listener also holds the one test client connected to it.
                assertThat(a.transportStats().openConnections() + b.transportStats().openConnections() - 2)
                        .as("fabric connections open on the listeners").isEqualTo(1);
            });
            assertThat(toA.blocking().call(RpcCommand.of("|x", "onB").withLocs("rb"), String.class)).isEqualTo("b");
            assertThat(toB.blocking().call(RpcCommand.of("|y", "onA").withLocs("ra"), String.class)).isEqualTo("a");
        }
    }

    @Test
    void failedRequestCancelsItsCallRunningOnAnotherNode() {
        AtomicBoolean slowStarted = new AtomicBoolean();
        AtomicBoolean slowCancelled = new AtomicBoolean();
        MpregNode caller = cluster.start("caller", n -> n.resources("here")
                .function(FunctionDescriptor.of("boom"), (args, kwargs) -> Flux.interval(Duration.ofMillis(10))
                        .filter(tick -> slowStarted.get()).next()
                        .then(Mono.error(MpregException.of(ErrorKind.FUNCTION_FAILED, "boom")))));
        cluster.start("worker", n -> n.resources("there")
                .function(FunctionDescriptor.of("slow"), (args, kwargs) -> Mono.<tools.jackson.databind.JsonNode>never()
                        .doOnSubscribe(subscription -> slowStarted.set(true))
                        .doOnCancel(() -> slowCancelled.set(true))));
        cluster.awaitConverged();
        try (MpregClient client = MpregClient.connect(caller.url())) {
            assertThatThrownBy(() -> client.blocking().request(List.of(
                    RpcCommand.of("|slow", "slow").withLocs("there"),
                    RpcCommand.of("|boom", "boom").withLocs("here")), Duration.ofSeconds(30)))
                    .hasMessageContaining("boom");
        }
        await().atMost(Duration.ofSeconds(5)).untilTrue(slowCancelled);
        assertThat(TestCluster.cluster(caller).stats().remoteCalls().get("worker")).containsEntry("cancelled", 1L);
    }
}
