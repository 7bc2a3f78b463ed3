package io.mpreg.admin.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class ClusterSnapshotsTest {

    private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");

    private static final String REPORT = """
            {"self": {"id": "n1", "status": "ALIVE", "incarnation": 3, "resources": ["gpu"], "load": 2.5,
                      "url": "ws://10.0.0.1:9001/mpreg", "managementUrl": "http://10.0.0.1:9001",
                      "lastSeenMillisAgo": 0},
             "members": [
               {"id": "n1", "status": "ALIVE", "incarnation": 3, "resources": ["gpu"], "load": 2.5,
                "url": "ws://10.0.0.1:9001/mpreg", "managementUrl": "http://10.0.0.1:9001", "lastSeenMillisAgo": 0},
               {"id": "n2", "status": "SUSPECT", "incarnation": 1, "resources": [], "load": 0,
                "url": "ws://10.0.0.2:9001/mpreg", "managementUrl": null, "lastSeenMillisAgo": 4200,
                "someFieldAddedLater": true}],
             "functions": [
               {"name": "train", "version": "2.0.0", "resources": ["gpu"], "idempotent": false, "nodes": ["n1"]},
               {"name": "echo", "version": "1.0.0", "resources": [], "idempotent": true, "nodes": ["n1", "n2"]}]}
            """;

    private final ClusterReport report = JsonMapper.builder().build().readValue(REPORT, ClusterReport.class);

    @Test
    void theMpregClusterReportBecomesMembersFunctionsAndDerivedLinks() {
        ClusterSnapshot snapshot = ClusterSnapshots.fromReport("prod", "eu-west", null, report, Map.of(), T0);

        assertThat(snapshot.reachable()).isTrue();
        assertThat(snapshot.reportedBy()).isEqualTo("n1");
        assertThat(snapshot.nodes()).extracting(NodeView::id, NodeView::status, NodeView::region)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("n1", MemberStatus.ALIVE, "eu-west"),
                        org.assertj.core.groups.Tuple.tuple("n2", MemberStatus.SUSPECT, "eu-west"));
        NodeView n1 = snapshot.node("n1").orElseThrow();
        assertThat(n1.functions()).containsExactly("echo", "train");
        assertThat(n1.resources()).containsExactly("gpu");
        assertThat(n1.load()).isEqualTo(2.5);
        assertThat(n1.managementUrl()).isEqualTo("http://10.0.0.1:9001");
        assertThat(snapshot.functions()).extracting(FunctionView::name, FunctionView::liveNodes)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("echo", List.of("n1")),
                        org.assertj.core.groups.Tuple.tuple("train", List.of("n1")));
        assertThat(snapshot.liveMembers()).isEqualTo(1);
        assertThat(snapshot.links()).isEmpty();
        assertThat(snapshot.peerLinks()).isEqualTo(ClusterSnapshot.PeerLinks.DERIVED_FULL_MESH);
    }

    @Test
    void everyTwoAliveMembersAreLinked() {
        ClusterReport four = io.mpreg.admin.Fleets.report(4, MemberStatus.ALIVE);

        ClusterSnapshot snapshot = ClusterSnapshots.fromReport("prod", null, null, four, Map.of(), T0);

        assertThat(snapshot.links()).hasSize(6).contains(new ClusterSnapshot.Link("node-000", "node-003"));
    }

    @Test
    void aMemberKeepsItsStateSinceAcrossPollsUntilTheStateChanges() {
        ClusterSnapshot first = ClusterSnapshots.fromReport("prod", null, null, report, Map.of(), T0);
        ClusterSnapshot second = ClusterSnapshots.fromReport("prod", null, first, report, Map.of(),
                T0.plus(Duration.ofSeconds(5)));

        assertThat(second.node("n2").orElseThrow().statusSince()).isEqualTo(T0);
    }

    @Test
    void theErrorRateIsTakenOverTheIntervalSinceThePreviousPoll() {
        NodeMetrics before = ClusterSnapshots.metrics(samples(100, 100), null);
        NodeMetrics after = ClusterSnapshots.metrics(samples(200, 150), before);
        NodeMetrics idle = ClusterSnapshots.metrics(samples(200, 150), after);

        assertThat(before.errorRate()).isEqualTo(0.0);
        assertThat(after.errorRate()).isEqualTo(0.5);
        assertThat(after.requests()).isEqualTo(200.0);
        assertThat(idle.errorRate()).isNull();
    }

    private static Map<String, Map<String, Double>> samples(double requests, double successes) {
        return Map.of(MeterQuery.RPC_REQUESTS.key(), Map.of("COUNT", requests),
                MeterQuery.RPC_SUCCESSES.key(), Map.of("COUNT", successes));
    }
}
