package io.mpreg.admin.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The {@code mpreg.cluster} answer as docs/cluster.md documents it, read with a default mapper as the client does. */
class ClusterReportJsonTest {

    private static final String DOCUMENTED = """
            {"self": {"id": "router", "cluster": "prod", "status": "alive", "incarnation": 0, "resources": [],
                      "load": 0, "url": "ws://10.0.3.5:9001/mpreg", "managementUrl": null, "lastSeenMillisAgo": 0},
             "members": [{"id": "worker-1", "status": "alive", "incarnation": 2, "resources": ["gpu"], "load": 3,
                          "url": "ws://10.0.3.7:9001/mpreg", "managementUrl": "http://10.0.3.7:8081",
                          "lastSeenMillisAgo": 180},
                         {"id": "worker-2", "status": "dead", "incarnation": 1, "resources": [], "load": 0,
                          "url": "ws://10.0.3.8:9001/mpreg", "managementUrl": null, "lastSeenMillisAgo": null}],
             "functions": [{"name": "train", "version": "1.0.0", "resources": ["cuda"], "idempotent": false,
                            "nodes": ["worker-1"]}]}
            """;

    private final JsonMapper mapper = JsonMapper.builder().build();

    @Test
    void theDocumentedAnswerIsReadWithLowerCaseStatesAndAMemberNeverHeardFrom() {
        ClusterReport report = mapper.readValue(DOCUMENTED, ClusterReport.class);

        assertThat(report.self().id()).isEqualTo("router");
        assertThat(report.members()).extracting(MemberReport::status)
                .containsExactly(MemberStatus.ALIVE, MemberStatus.DEAD);
        assertThat(report.members().get(0).managementUrl()).isEqualTo("http://10.0.3.7:8081");
        assertThat(report.members().get(0).lastSeenMillisAgo()).isEqualTo(180L);
        assertThat(report.members().get(1).lastSeenMillisAgo()).isNull();
        assertThat(report.functions()).containsExactly(
                new FunctionReport("train", "1.0.0", List.of("cuda"), false, List.of("worker-1")));
    }

    @Test
    void statesAreWrittenInCapitalsAndReadBackInEitherCase() {
        assertThat(mapper.writeValueAsString(MemberStatus.SUSPECT)).isEqualTo("\"SUSPECT\"");
        assertThat(mapper.readValue("\"SUSPECT\"", MemberStatus.class)).isEqualTo(MemberStatus.SUSPECT);
        assertThat(mapper.readValue("\"left\"", MemberStatus.class)).isEqualTo(MemberStatus.LEFT);
    }
}
