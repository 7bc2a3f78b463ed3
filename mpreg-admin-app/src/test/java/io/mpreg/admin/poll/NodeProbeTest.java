package io.mpreg.admin.poll;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.mpreg.admin.model.MeterQuery;
import io.mpreg.admin.model.NodeReading;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

class NodeProbeTest {

    private final NodeProbe probe = new NodeProbe(WebClient.create(), Duration.ofSeconds(5), 4);

    /** A real HTTP server on 127.0.0.1 answering like a node's Actuator. */
    private static DisposableServer actuator() {
        return HttpServer.create().host("127.0.0.1").port(0)
                .route(routes -> routes
                        .get("/actuator/health", (request, response) -> response.status(503)
                                .header("Content-Type", "application/json")
                                .sendString(reactor.core.publisher.Mono.just(
                                        "{\"status\":\"DOWN\",\"components\":{\"db\":{\"status\":\"DOWN\"},"
                                                + "\"ping\":{\"status\":\"UP\"}}}")))
                        .get("/actuator/metrics/mpreg.rpc.server.requests", (request, response) -> {
                            String count = request.uri().contains("outcome") ? "7.0" : "10.0";
                            return response.header("Content-Type", "application/json")
                                    .sendString(reactor.core.publisher.Mono.just("{\"name\":\"x\",\"measurements\":["
                                            + "{\"statistic\":\"COUNT\",\"value\":" + count + "},"
                                            + "{\"statistic\":\"MAX\",\"value\":0.2}]}"));
                        }))
                .bindNow();
    }

    @Test
    void readsHealthComponentsAndTheMetersTheNodeHasLeavingOutThoseItLacks() {
        DisposableServer server = actuator();
        try {
            NodeReading reading = probe.read("http://127.0.0.1:" + server.port() + "/",
                    List.of(MeterQuery.RPC_REQUESTS, MeterQuery.RPC_SUCCESSES, MeterQuery.JVM_MEMORY_USED))
                    .block(Duration.ofSeconds(10));

            assertThat(reading.health().status()).isEqualTo("DOWN");
            assertThat(reading.health().components()).isEqualTo(Map.of("db", "DOWN", "ping", "UP"));
            assertThat(reading.samples()).containsOnlyKeys(MeterQuery.RPC_REQUESTS.key(),
                    MeterQuery.RPC_SUCCESSES.key());
            assertThat(reading.samples().get(MeterQuery.RPC_REQUESTS.key())).containsEntry("COUNT", 10.0);
            assertThat(reading.samples().get(MeterQuery.RPC_SUCCESSES.key())).containsEntry("COUNT", 7.0);
        } finally {
            server.disposeNow();
        }
    }

    @Test
    void anUnreachableNodeHasUnknownHealthWithTheReason() {
        DisposableServer server = actuator();
        int port = server.port();
        server.disposeNow();

        NodeReading reading = probe.read("http://127.0.0.1:" + port + "/actuator", List.of(MeterQuery.CONNECTIONS))
                .block(Duration.ofSeconds(10));

        assertThat(reading.health().status()).isEqualTo("UNKNOWN");
        assertThat(reading.health().error()).isNotBlank();
        assertThat(reading.samples()).isEmpty();
    }
}
