package io.mpreg.server.helm;

import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HelmValuesSchemaTest {

    @ParameterizedTest(name = "{0}={1} is rejected")
    @CsvSource(delimiter = '|', textBlock = """
            server.replikas              | 3                   | additional properties 'replikas' not allowed
            server.replicas              | 0                   | /server/replicas
            server.port                  | 70000               | /server/port
            server.resources.limits      | null                | limits
            server.podAntiAffinity       | sometimes           | /server/podAntiAffinity
            cluster.seeds[0]             | http://node-0:9001  | /cluster/seeds/0
            securityContext.runAsUser    | 0                   | /securityContext/runAsUser
            serviceMonitor.interval      | often               | /serviceMonitor/interval
            """)
    void valuesThatWouldBreakTheReleaseAreRejectedBeforeAnythingIsRendered(String key, String value, String complaint) {
        assertThatIllegalStateException()
                .isThrownBy(() -> HelmChart.render(ValueSet.DEFAULTS, Map.of(key, value)))
                .withMessageContaining("schema")
                .withMessageContaining(complaint);
    }
}
