package io.mpreg.server.helm;

import static io.mpreg.server.helm.RenderedChart.podLabels;
import static io.mpreg.server.helm.RenderedChart.selects;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

class HelmDisruptionBudgetTest {

    @ParameterizedTest
    @EnumSource(value = ValueSet.class, names = {"DEFAULTS", "MONITORED"})
    void budgetSelectsTheServerPodsAndNothingElse(ValueSet valueSet) {
        RenderedChart chart = HelmChart.render(valueSet);
        JsonNode selector = chart.only("PodDisruptionBudget").at("/spec/selector/matchLabels");

        assertThat(selects(selector, podLabels(chart.serverStatefulSet()))).isTrue();
        assertThat(chart.ofKind("Deployment")).noneMatch(admin -> selects(selector, podLabels(admin)));
    }

    @ParameterizedTest
    @EnumSource(value = ValueSet.class, names = {"DEFAULTS", "MONITORED"})
    void drainsTakeDownOneNodeAtATime(ValueSet valueSet) {
        JsonNode spec = HelmChart.render(valueSet).only("PodDisruptionBudget").path("spec");

        assertThat(spec.path("maxUnavailable").asInt()).isEqualTo(1);
        assertThat(spec.has("minAvailable")).isFalse();
    }

    @Test
    void singleNodeReleaseHasNoBudgetThatWouldBlockDrainsForever() {
        assertThat(HelmChart.render(ValueSet.SINGLE_NODE).ofKind("PodDisruptionBudget")).isEmpty();
    }
}
