package io.mpreg.server.helm;

import static io.mpreg.server.helm.RenderedChart.containers;
import static io.mpreg.server.helm.RenderedChart.podSpec;
import static io.mpreg.server.helm.RenderedChart.stream;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

class HelmGracefulShutdownTest {

    @ParameterizedTest
    @EnumSource(ValueSet.class)
    void podsPauseThenShutDownGracefullyWithinTheirGracePeriod(ValueSet valueSet) {
        RenderedChart chart = HelmChart.render(valueSet);

        assertThat(chart.workloads()).allSatisfy(workload -> {
            JsonNode config = chart.springConfigOf(workload);
            List<String> preStop = stream(containers(workload).get(0).at("/lifecycle/preStop/exec/command"))
                    .map(JsonNode::asString)
                    .toList();
            Duration pause = Duration.ofSeconds(Long.parseLong(preStop.get(1)));
            Duration shutdownBudget = springDuration(config.at("/spring/lifecycle/timeout-per-shutdown-phase").asString());
            Duration gracePeriod = Duration.ofSeconds(podSpec(workload).path("terminationGracePeriodSeconds").asLong());

            assertThat(preStop.get(0)).isEqualTo("sleep");
            assertThat(pause).isPositive();
            assertThat(config.at("/server/shutdown").asString()).isEqualTo("graceful");
            assertThat(gracePeriod).isGreaterThan(pause.plus(shutdownBudget));
        });
    }

    @Test
    void gracePeriodTooShortForTheGoodbyeIsRejected() {
        assertThatIllegalStateException()
                .isThrownBy(() -> HelmChart.render(ValueSet.DEFAULTS,
                        Map.of("server.shutdown.terminationGracePeriodSeconds", "20")))
                .withMessageContaining("terminationGracePeriodSeconds must exceed");
    }

    @Test
    void adminRollsOutWithoutEverHavingNoReadyPod() {
        JsonNode strategy = HelmChart.render(ValueSet.MONITORED).only("Deployment").at("/spec/strategy");

        assertThat(strategy.path("type").asString()).isEqualTo("RollingUpdate");
        assertThat(strategy.at("/rollingUpdate/maxUnavailable").asInt()).isZero();
    }

    private static Duration springDuration(String seconds) {
        assertThat(seconds).matches("[0-9]+s");
        return Duration.ofSeconds(Long.parseLong(seconds.substring(0, seconds.length() - 1)));
    }
}
