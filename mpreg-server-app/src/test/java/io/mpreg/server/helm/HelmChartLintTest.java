package io.mpreg.server.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.marcnuri.helm.LintResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class HelmChartLintTest {

    @Test
    void chartPassesStrictLintWithItsDefaultValues() {
        LintResult result = HelmChart.lint();

        assertThat(result.isFailed()).as("lint failed: %s", result.getMessages()).isFalse();
        assertThat(result.getMessages()).noneMatch(message -> message.contains("[ERROR]") || message.contains("[WARNING]"));
    }

    @ParameterizedTest
    @EnumSource(ValueSet.class)
    void everyValueSetRendersTheServerClusterAndItsServices(ValueSet valueSet) {
        RenderedChart chart = HelmChart.render(valueSet);

        assertThat(chart.ofKind("StatefulSet")).hasSize(1);
        assertThat(chart.ofKind("Service")).hasSizeGreaterThanOrEqualTo(2);
        assertThat(chart.ofKind("ConfigMap")).isNotEmpty();
        assertThat(chart.serverStatefulSet().path("spec").path("replicas").asInt())
                .isEqualTo(valueSet.serverReplicas());
    }
}
