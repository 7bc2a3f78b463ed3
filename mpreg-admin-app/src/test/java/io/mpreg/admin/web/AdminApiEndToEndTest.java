package io.mpreg.admin.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.mpreg.admin.AdminAppTestBase;
import io.mpreg.admin.model.FleetSnapshot;
import io.mpreg.admin.model.MemberStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@AutoConfigureWebTestClient
class AdminApiEndToEndTest extends AdminAppTestBase {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Autowired
    WebTestClient web;

    private final JsonMapper mapper = JsonMapper.builder().build();

    @BeforeEach
    void allMembersAlive() {
        CLUSTERS.setSmallMember("node-001", MemberStatus.ALIVE);
    }

    @Test
    void theTopologyShowsTheMembersOfEveryWatchedCluster() {
        await().atMost(WAIT).untilAsserted(() -> {
            FleetSnapshot fleet = web.get().uri("/api/fleet").exchange().expectStatus().isOk()
                    .expectBody(FleetSnapshot.class).returnResult().getResponseBody();
            assertThat(fleet.cluster("small").orElseThrow().nodes()).hasSize(3);
            assertThat(fleet.cluster("small").orElseThrow().region()).isEqualTo("eu-west");
            assertThat(fleet.cluster("big").orElseThrow().nodes()).hasSize(200);
            assertThat(fleet.cluster("big").orElseThrow().reachable()).isTrue();
        });
        web.get().uri("/api/clusters/small/nodes/node-002").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.functions[0]").isEqualTo("echo");
        web.get().uri("/api/clusters/small/links").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.length()").isEqualTo(3);
        web.get().uri("/api/clusters/small/nodes/nobody").exchange().expectStatus().isNotFound();
        web.get().uri("/api/functions?q=ECH").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.length()").isEqualTo(2);
    }

    @Test
    void aMemberDownFiresAfterItsDurationReachesTheWebhookAndResolvesWhenBack() {
        await().atMost(WAIT).until(() -> liveMembers("small") == 3);
        int before = RECEIVER.bodies().size();

        CLUSTERS.setSmallMember("node-001", MemberStatus.DEAD);

        await().atMost(WAIT).untilAsserted(() -> assertThat(webhookStates(before))
                .contains("FIRING:member-down:small/node-001"));
        web.get().uri("/actuator/alerts").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.active[0].state").isEqualTo("FIRING");
        web.get().uri("/actuator/health").exchange().expectStatus().is5xxServerError()
                .expectBody().jsonPath("$.components.alerts.status").isEqualTo("DOWN");

        CLUSTERS.setSmallMember("node-001", MemberStatus.ALIVE);

        await().atMost(WAIT).untilAsserted(() -> assertThat(webhookStates(before))
                .contains("RESOLVED:member-down:small/node-001"));
        web.get().uri("/api/alerts").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.active.length()").isEqualTo(0)
                .jsonPath("$.history[0].state").isEqualTo("RESOLVED");
        web.get().uri("/actuator/health").exchange().expectStatus().isOk();
    }

    @Test
    void rulesAreCreatedEditedAndDeletedThroughTheApi() {
        Map<String, Object> rule = Map.of("name", "few-live", "kind", "LIVE_MEMBERS_BELOW", "threshold", 2,
                "forDuration", "PT10S", "cluster", "big");
        web.post().uri("/api/alerts/rules").contentType(MediaType.APPLICATION_JSON).bodyValue(rule).exchange()
                .expectStatus().isCreated().expectBody().jsonPath("$.severity").isEqualTo("WARNING");
        web.post().uri("/api/alerts/rules").contentType(MediaType.APPLICATION_JSON).bodyValue(rule).exchange()
                .expectStatus().isEqualTo(409);

        web.put().uri("/api/alerts/rules/few-live").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "few-live", "kind", "LIVE_MEMBERS_BELOW", "threshold", 150,
                        "severity", "CRITICAL"))
                .exchange().expectStatus().isOk();
        web.get().uri("/api/alerts/rules/few-live").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.threshold").isEqualTo(150.0).jsonPath("$.severity").isEqualTo("CRITICAL");

        web.post().uri("/api/alerts/rules").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "broken", "kind", "P99_ABOVE")).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail").value(detail -> assertThat(detail.toString())
                        .contains("needs a threshold"));

        web.delete().uri("/api/alerts/rules/few-live").exchange().expectStatus().isNoContent();
        web.delete().uri("/api/alerts/rules/few-live").exchange().expectStatus().isNotFound();
    }

    @Test
    void theEventStreamStartsWithTheModelAndTheAlerts() {
        var events = web.get().uri("/api/events").accept(MediaType.TEXT_EVENT_STREAM).exchange()
                .expectStatus().isOk()
                .returnResult(new ParameterizedTypeReference<ServerSentEvent<JsonNode>>() { })
                .getResponseBody();

        StepVerifier.create(events)
                .assertNext(event -> {
                    assertThat(event.event()).isEqualTo("fleet");
                    assertThat(event.data().path("clusters")).hasSize(2);
                })
                .assertNext(event -> assertThat(event.event()).isEqualTo("alerts"))
                .thenCancel()
                .verify(WAIT);
    }

    private long liveMembers(String cluster) {
        FleetSnapshot fleet = web.get().uri("/api/fleet").exchange().expectBody(FleetSnapshot.class)
                .returnResult().getResponseBody();
        return fleet.cluster(cluster).orElseThrow().liveMembers();
    }

    private List<String> webhookStates(int skip) {
        return RECEIVER.bodies().stream().skip(skip).map(mapper::readTree)
                .map(body -> body.path("status").asString() + ":" + body.path("alert").path("id").asString())
                .toList();
    }
}
