package io.mpreg.core.fabric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.mpreg.client.MpregClient;
import io.mpreg.client.RpcCommand;
import io.mpreg.core.cluster.MemberStatus;
import io.mpreg.core.error.ErrorKind;
import io.mpreg.core.error.MpregException;
import io.mpreg.core.function.FunctionDescriptor;
import io.mpreg.core.function.FunctionInvoker;
import io.mpreg.core.node.MpregNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.StringNode;

/**
 * Eleven real nodes over WebSocket on loopback: a router without resources
 * that clients talk to, pipeline and ML stages each on the node holding its
 * resource, and three equal workers. Each function answers with the path of
 * node names its data went through, so the tests see where every command ran.
 */
class ClusteredNodesTest {

    private static final List<String> STAGES = List.of("ingest", "process", "analytics", "storage",
            "preprocess", "vision", "nlp");

    private static TestCluster cluster;
    private static MpregNode router;
    private static final Map<String, MpregNode> nodes = new HashMap<>();
    private static MpregClient client;

    @BeforeAll
    static void startCluster() {
        cluster = new TestCluster(TestCluster.STEADY);
        router = cluster.start("router", b -> b);
        for (String stage : STAGES) {
            nodes.put(stage, cluster.start(stage + "-node", b -> b.resources(stage)
                    .function(FunctionDescriptor.of(stage), appendingNodeName(stage + "-node"))));
        }
        for (int i = 1; i <= 3; i++) {
            String name = "worker-" + i;
            nodes.put(name, cluster.start(name, b -> b.resources("pool")
                    .function(FunctionDescriptor.of("work"), (args, kwargs) -> Mono.just(StringNode.valueOf(name)))));
        }
        cluster.awaitConverged();
        client = MpregClient.connect(router.url());
    }

    @AfterAll
    static void stopCluster() {
        client.close();
        cluster.close();
    }

    @Test
    void elevenNodesConvergeSoEveryNodeSeesEveryMemberAndFunction() {
        for (MpregNode node : nodes.values()) {
            NodeCluster view = TestCluster.cluster(node);
            assertThat(view.members()).hasSize(11).allMatch(m -> m.status() == MemberStatus.ALIVE);
            assertThat(view.view().functionNames()).containsAll(STAGES).contains("work");
        }
    }

    @Test
    void fourStagePipelineRunsEachStageOnTheNodeWithItsResource() {
        Map<String, Object> result = client.blocking().request(List.of(
                RpcCommand.of("|in", "ingest", List.of()).withLocs("ingest"),
                RpcCommand.of("|proc", "process", "|in").withLocs("process"),
                RpcCommand.of("|stats", "analytics", "|proc").withLocs("analytics"),
                RpcCommand.of("|stored", "storage", "|stats").withLocs("storage")), Duration.ofSeconds(10));
        assertThat(result).containsOnlyKeys("|stored");
        assertThat(result.get("|stored")).isEqualTo(
                List.of("ingest-node", "process-node", "analytics-node", "storage-node"));
    }

    @Test
    void machineLearningChainRunsPreprocessingThenVisionAndLanguageOnTheirNodes() {
        Map<String, Object> result = client.blocking().request(List.of(
                RpcCommand.of("|clean", "preprocess", List.of()).withLocs("preprocess"),
                RpcCommand.of("|image", "vision", "|clean").withLocs("vision"),
                RpcCommand.of("|text", "nlp", "|clean").withLocs("nlp")), Duration.ofSeconds(10));
        assertThat(result).containsEntry("|image", List.of("preprocess-node", "vision-node"))
                .containsEntry("|text", List.of("preprocess-node", "nlp-node"));
    }

    @Test
    void callsSpreadFairlyAtRandomOverThreeEqualNodes() {
        Map<Object, Integer> counts = new HashMap<>();
        for (int batch = 0; batch < 30; batch++) {
            List<RpcCommand> commands = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                commands.add(RpcCommand.of("|w" + i, "work").withLocs("pool"));
            }
            client.blocking().request(commands, Duration.ofSeconds(10)).values()
                    .forEach(name -> counts.merge(name, 1, Integer::sum));
        }
        assertThat(counts).containsOnlyKeys("worker-1", "worker-2", "worker-3");
        double chiSquare = counts.values().stream().mapToDouble(o -> Math.pow(o - 1000.0, 2) / 1000.0).sum();
        assertThat(chiSquare).as("chi-square of %s (2 degrees of freedom, p = 0.001 at 13.8)", counts)
                .isLessThan(13.8);
    }

    @Test
    void functionWithoutAnyMatchingNodeFailsNamingTheFunctionAndResources() {
        assertThatThrownBy(() -> client.blocking().call(RpcCommand.of("|x", "vision").withLocs("gpu"), Object.class))
                .isInstanceOfSatisfying(MpregException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.FUNCTION_NOT_FOUND);
                    assertThat(e.getMessage()).contains("vision").contains("gpu");
                    assertThat(e.details().get("fun").asString()).isEqualTo("vision");
                });
    }

    @Test
    void functionRegisteredAtRuntimeIsRoutedToFromEveryNode() {
        MpregNode analytics = nodes.get("analytics");
        analytics.registry().register(FunctionDescriptor.of("late").withIdempotent(true),
                (args, kwargs) -> Mono.just(StringNode.valueOf("late from analytics-node")));
        await().atMost(Duration.ofSeconds(5)).until(() -> TestCluster.cluster(router).view().offers("late").size() == 1
                && nodes.values().stream().allMatch(n -> TestCluster.cluster(n).view().offers("late").size() == 1));
        assertThat(client.blocking().call("late", String.class)).isEqualTo("late from analytics-node");
        assertThat(TestCluster.cluster(router).view().offers("late").get(0).function().idempotent()).isTrue();
    }

    @Test
    void introspectionDescribesSelfMembersAndFunctionsWithTheirNodes() {
        JsonNode description = router.mapper().valueToTree(client.blocking().call("mpreg.cluster", Object.class));
        assertThat(description.get("self").get("id").asString()).isEqualTo("router");
        assertThat(description.get("self").get("cluster").asString()).isEqualTo("test");
        assertThat(description.get("members")).hasSize(11);
        JsonNode worker = null;
        for (JsonNode member : description.get("members")) {
            assertThat(member.has("lastSeenMillisAgo")).isTrue();
            if (member.get("id").asString().equals("worker-1")) {
                worker = member;
            }
        }
        assertThat(worker).isNotNull();
        assertThat(worker.get("status").asString()).isEqualTo("alive");
        assertThat(worker.get("resources").get(0).asString()).isEqualTo("pool");
        assertThat(worker.get("url").asString()).isEqualTo(nodes.get("worker-1").url());
        JsonNode work = null;
        for (JsonNode function : description.get("functions")) {
            if (function.get("name").asString().equals("work")) {
                work = function;
            }
        }
        assertThat(work).isNotNull();
        assertThat(work.get("nodes")).extracting(JsonNode::asString)
                .containsExactly("worker-1", "worker-2", "worker-3");
    }

    @Test
    void statsCountMembersMessagesProbesAndRemoteCallsByPeer() {
        client.blocking().call(RpcCommand.of("|v", "vision", List.of()), Object.class);
        await().atMost(Duration.ofSeconds(5)).until(() -> TestCluster.cluster(router).stats().probeRtt().count() > 0);
        ClusterStats stats = TestCluster.cluster(router).stats();
        assertThat(stats.membersByStatus()).containsEntry(MemberStatus.ALIVE, 11);
        assertThat(stats.messagesSent()).isPositive();
        assertThat(stats.bytesReceived()).isPositive();
        assertThat(stats.remoteCalls().get("vision-node")).containsKey("success");
    }

    private static FunctionInvoker appendingNodeName(String nodeName) {
        return (args, kwargs) -> {
            ArrayNode path = JsonNodeFactory.instance.arrayNode();
            if (!args.isEmpty() && args.get(0).isArray()) {
                path.addAll((ArrayNode) args.get(0));
            }
            path.add(nodeName);
            return Mono.just(path);
        };
    }
}
