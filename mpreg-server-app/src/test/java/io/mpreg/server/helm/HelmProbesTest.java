package io.mpreg.server.helm;

import static io.mpreg.server.helm.RenderedChart.containerPort;
import static io.mpreg.server.helm.RenderedChart.containers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

class HelmProbesTest {

    @ParameterizedTest
    @EnumSource(ValueSet.class)
    void probesAskTheActuatorHealthGroupsOnThePortTheAppListensOn(ValueSet valueSet) {
        RenderedChart chart = HelmChart.render(valueSet);

        assertThat(chart.workloads()).isNotEmpty().allSatisfy(workload -> {
            JsonNode container = containers(workload).get(0);
            int appPort = chart.springConfigOf(workload).path("server").path("port").asInt();
            assertProbe(container.path("startupProbe"), "/actuator/health/liveness", container, appPort);
            assertProbe(container.path("livenessProbe"), "/actuator/health/liveness", container, appPort);
            assertProbe(container.path("readinessProbe"), "/actuator/health/readiness", container, appPort);
        });
    }

    @ParameterizedTest
    @EnumSource(ValueSet.class)
    void actuatorServesProbesAndPrometheusOnTheAppPort(ValueSet valueSet) {
        RenderedChart chart = HelmChart.render(valueSet);

        assertThat(chart.workloads()).allSatisfy(workload -> {
            JsonNode management = chart.springConfigOf(workload).path("management");
            assertThat(management.path("server").path("port").isMissingNode()).isTrue();
            assertThat(management.at("/endpoint/health/probes/enabled").asBoolean()).isTrue();
            assertThat(management.at("/endpoints/web/exposure/include").asString().split(","))
                    .contains("health", "prometheus");
        });
    }

    @Test
    void serverListensOn9001AndAdminOn9090() {
        RenderedChart chart = HelmChart.render(ValueSet.DEFAULTS);

        assertThat(chart.springConfigOf(chart.serverStatefulSet()).at("/server/port").asInt()).isEqualTo(9001);
        assertThat(chart.springConfigOf(chart.only("Deployment")).at("/server/port").asInt()).isEqualTo(9090);
    }

    @Test
    void extraSpringSettingsAreMergedIntoTheNodeConfiguration() {
        RenderedChart chart = HelmChart.render(ValueSet.DEFAULTS, Map.of("server.config.logging.level.io\\.mpreg", "DEBUG"));

        JsonNode config = chart.springConfigOf(chart.serverStatefulSet());
        assertThat(config.at("/logging/level/io.mpreg").asString()).isEqualTo("DEBUG");
        assertThat(config.at("/server/port").asInt()).isEqualTo(9001);
    }

    @Test
    void movingActuatorToAnotherPortIsRejectedBecauseProbesUseTheAppPort() {
        assertThatIllegalStateException()
                .isThrownBy(() -> HelmChart.render(ValueSet.DEFAULTS, Map.of("server.config.management.server.port", "9002")))
                .withMessageContaining("management.server.port");
    }

    @Test
    void settingTheServerPortInsideConfigIsRejected() {
        assertThatIllegalStateException()
                .isThrownBy(() -> HelmChart.render(ValueSet.DEFAULTS, Map.of("server.config.server.port", "8080")))
                .withMessageContaining("server.port");
    }

    private static void assertProbe(JsonNode probe, String path, JsonNode container, int appPort) {
        JsonNode httpGet = probe.path("httpGet");
        assertThat(httpGet.path("path").asString()).isEqualTo(path);
        assertThat(containerPort(container, httpGet.path("port").asString())).isEqualTo(appPort);
    }
}
