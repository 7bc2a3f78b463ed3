package io.mpreg.server;

import static org.assertj.core.api.Assertions.assertThat;

import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Kubernetes probes, health details and Prometheus metrics on the node's one port. */
@SharedServerContext
class ActuatorTest {

    @LocalServerPort
    int port;

    private WebTestClient web() {
        return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build();
    }

    @Test
    void livenessAndReadinessProbesAreUp() {
        web().get().uri("/actuator/health/liveness").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("UP");
        web().get().uri("/actuator/health/readiness").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("UP");
    }

    @Test
    void healthReportsTheNodeAndTheClient() {
        web().get().uri("/actuator/health").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.components.mpregNode.status").isEqualTo("UP")
                .jsonPath("$.components.mpregNode.details.name").isEqualTo("test-node")
                .jsonPath("$.components.mpregClient.status").isEqualTo("UP");
    }

    @Test
    void theNodeJoinsItsClusterOnTheBoundPortAndHealthShowsTheCluster() {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> web().get().uri("/actuator/health").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.components.mpregCluster.status").isEqualTo("UP")
                .jsonPath("$.components.mpregCluster.details.node").isEqualTo("test-node")
                .jsonPath("$.components.mpregCluster.details.alive").isEqualTo(1)
                .jsonPath("$.components.mpregCluster.details.quorum").isEqualTo(1));

        web().get().uri("/actuator/mpreg").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.self.id").isEqualTo("test-node")
                .jsonPath("$.members[0].url").isEqualTo("ws://127.0.0.1:" + port + "/mpreg")
                .jsonPath("$.members[0].managementUrl").isEqualTo("http://127.0.0.1:" + port + "/actuator")
                .jsonPath("$.functions[?(@.name == 'ingest')].nodes[0]").isEqualTo("test-node");
    }

    @Test
    void prometheusExposesTheMpregMeters() {
        try (RawWebSocket socket = RawWebSocket.connect(port, "/mpreg")) {
            socket.call("""
                    {"role": "rpc", "u": "u-metered", "cmds": [{"name": "a", "fun": "echo", "args": [1]}]}""");

            String scrape = web().get().uri("/actuator/prometheus").exchange()
                    .expectStatus().isOk()
                    .expectBody(String.class).returnResult().getResponseBody();

            assertThat(scrape)
                    .contains("mpreg_rpc_server_requests_seconds_count{")
                    .contains("function=\"echo\"")
                    .contains("outcome=\"success\"")
                    .contains("mpreg_connections")
                    .contains("mpreg_cluster_members{")
                    .contains("mpreg_cluster_remote_calls_total{");
        }
    }
}
