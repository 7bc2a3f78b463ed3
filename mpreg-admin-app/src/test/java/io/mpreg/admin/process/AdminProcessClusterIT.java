package io.mpreg.admin.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import io.mpreg.admin.MpregAdminApplication;
import io.mpreg.admin.WebhookReceiver;
import io.mpreg.admin.model.FleetSnapshot;
import io.mpreg.admin.model.MemberStatus;
import io.mpreg.admin.model.NodeView;
import io.mpreg.server.cluster.FastClusterTimings;
import io.mpreg.server.cluster.NodeSpec;
import io.mpreg.server.cluster.ProcessCluster;
import io.mpreg.server.cluster.ServerProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.Disposable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The admin app watching three real {@code mpreg-server-app} processes on
 * 127.0.0.1: the topology shows the three members with their Actuator health
 * and metrics; {@code kill -9} of one shows it DEAD in the API and on the UI's
 * event stream within the detection time, and the member-down alert reaches
 * a real webhook receiver; started again, the member rejoins and the alert
 * resolves.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, classes = MpregAdminApplication.class)
@AutoConfigureWebTestClient(timeout = "10s")
@DirtiesContext
class AdminProcessClusterIT {

    private static final Duration POLL_INTERVAL = Duration.ofMillis(250);
    /** Slack over the detection bound: a poll, the Actuator reads and a shared 2-core machine. */
    private static final Duration SLACK = Duration.ofSeconds(3);
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final List<NodeSpec> NODES = List.of(NodeSpec.of("mpreg-1", "ingestion"),
            NodeSpec.of("mpreg-2", "processing", "worker"), NodeSpec.of("mpreg-3", "storage", "worker"));
    private static final String CLUSTER = "procs";
    private static final String VICTIM = "mpreg-2";

    private static ProcessCluster processes;
    private static final WebhookReceiver RECEIVER = new WebhookReceiver(0);

    private final JsonMapper mapper = JsonMapper.builder().build();

    @Autowired
    WebTestClient web;

    @BeforeAll
    static void startTheProcesses() {
        processes = new ProcessCluster("admin-it-" + UUID.randomUUID(), FastClusterTimings.arguments());
        processes.startAll(NODES);
    }

    @AfterAll
    static void stopTheProcesses() {
        if (processes != null) {
            processes.close();
        }
        RECEIVER.close();
    }

    @DynamicPropertySource
    static void watchTheProcesses(DynamicPropertyRegistry registry) {
        registry.add("mpreg.admin.clusters[0].name", () -> CLUSTER);
        for (int i = 0; i < NODES.size(); i++) {
            String name = NODES.get(i).name();
            registry.add("mpreg.admin.clusters[0].seeds[" + i + "]", () -> processes.node(name).url());
        }
        registry.add("mpreg.admin.clusters[0].poll-interval", () -> POLL_INTERVAL.toMillis() + "ms");
        registry.add("mpreg.admin.clusters[0].poll-timeout", () -> "2s");
        registry.add("mpreg.admin.probe-timeout", () -> "2s");
        registry.add("mpreg.admin.alerts.evaluation-interval", () -> "100ms");
        registry.add("mpreg.admin.alerts.rules[0].name", () -> "member-down");
        registry.add("mpreg.admin.alerts.rules[0].kind", () -> "MEMBER_DOWN");
        registry.add("mpreg.admin.alerts.rules[0].severity", () -> "CRITICAL");
        registry.add("mpreg.admin.alerts.rules[0].for-duration", () -> "1s");
        registry.add("mpreg.admin.alerts.webhooks[0].url", RECEIVER::url);
        registry.add("mpreg.admin.alerts.webhooks[0].initial-backoff", () -> "50ms");
    }

    @Test
    void aKilledProcessIsShownDeadAlertedToTheWebhookAndResolvedWhenItRejoins() {
        awaitAllAlive();
        assertTheNodesActuatorIsRead(VICTIM);

        List<JsonNode> memberEvents = new CopyOnWriteArrayList<>();
        Disposable stream = memberEvents(memberEvents);
        try {
            ServerProcess victim = processes.node(VICTIM);
            victim.kill();

            await("API shows " + VICTIM + " dead").atMost(FastClusterTimings.failureDetectionBound(NODES.size()).plus(SLACK))
                    .pollInterval(Duration.ofMillis(100))
                    .untilAsserted(() -> assertThat(node(VICTIM).status()).isEqualTo(MemberStatus.DEAD));
            await("event stream shows " + VICTIM + " dead").atMost(WAIT).untilAsserted(() ->
                    assertThat(memberEvents).anySatisfy(event -> {
                        assertThat(event.path("id").asString()).isEqualTo(VICTIM);
                        assertThat(event.path("to").asString()).isEqualTo("DEAD");
                    }));
            await("webhook FIRING").atMost(WAIT).untilAsserted(() -> assertThat(webhookStates())
                    .contains("FIRING:member-down:" + CLUSTER + "/" + VICTIM));
            web.get().uri("/api/alerts").exchange().expectStatus().isOk()
                    .expectBody().jsonPath("$.active[0].labels.node").isEqualTo(VICTIM);

            processes.restart(VICTIM);

            awaitAllAlive();
            await("webhook RESOLVED").atMost(WAIT).untilAsserted(() -> assertThat(webhookStates())
                    .contains("RESOLVED:member-down:" + CLUSTER + "/" + VICTIM));
            web.get().uri("/api/alerts").exchange().expectStatus().isOk()
                    .expectBody().jsonPath("$.active.length()").isEqualTo(0);
            assertThat(node(VICTIM).incarnation()).isPositive();
        } finally {
            stream.dispose();
        }
    }

    private void awaitAllAlive() {
        await("three members alive").atMost(WAIT).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            FleetSnapshot fleet = fleet();
            assertThat(fleet.cluster(CLUSTER).orElseThrow().nodes()).extracting(NodeView::id)
                    .containsExactly("mpreg-1", "mpreg-2", "mpreg-3");
            assertThat(fleet.cluster(CLUSTER).orElseThrow().liveMembers()).isEqualTo(3);
        });
    }

    /** The node detail carries what the admin app read from the Actuator at the management URL the node advertises. */
    private void assertTheNodesActuatorIsRead(String id) {
        String managementUrl = "http://127.0.0.1:" + processes.node(id).port();
        await(id + " health and metrics").atMost(WAIT).untilAsserted(() -> {
            NodeView node = node(id);
            assertThat(node.managementUrl()).startsWith(managementUrl);
            assertThat(node.health().status()).isEqualTo("UP");
            assertThat(node.health().components()).containsEntry("mpregCluster", "UP");
            assertThat(node.metrics().jvmMemoryUsed()).isPositive();
            assertThat(node.metrics().requests()).isPositive();
        });
    }

    private Disposable memberEvents(List<JsonNode> sink) {
        return web.get().uri("/api/events").accept(MediaType.TEXT_EVENT_STREAM).exchange()
                .expectStatus().isOk()
                .returnResult(new ParameterizedTypeReference<ServerSentEvent<JsonNode>>() { })
                .getResponseBody()
                .filter(event -> "member".equals(event.event()) && event.data() != null)
                .subscribe(event -> sink.add(event.data()));
    }

    private FleetSnapshot fleet() {
        return web.get().uri("/api/fleet").exchange().expectStatus().isOk().expectBody(FleetSnapshot.class)
                .returnResult().getResponseBody();
    }

    private NodeView node(String id) {
        return web.get().uri("/api/clusters/{cluster}/nodes/{node}", CLUSTER, id).exchange().expectStatus().isOk()
                .expectBody(NodeView.class).returnResult().getResponseBody();
    }

    private List<String> webhookStates() {
        return RECEIVER.bodies().stream().map(mapper::readTree)
                .map(body -> body.path("status").asString() + ":" + body.path("alert").path("id").asString())
                .toList();
    }
}
