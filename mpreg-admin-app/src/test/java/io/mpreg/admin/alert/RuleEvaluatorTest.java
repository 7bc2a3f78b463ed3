package io.mpreg.admin.alert;

import static io.mpreg.admin.Fleets.member;
import static io.mpreg.admin.Fleets.report;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.mpreg.admin.Fleets;
import io.mpreg.admin.model.ClusterReport;
import io.mpreg.admin.model.ClusterSnapshot;
import io.mpreg.admin.model.FleetSnapshot;
import io.mpreg.admin.model.FunctionReport;
import io.mpreg.admin.model.MemberReport;
import io.mpreg.admin.model.MemberStatus;
import io.mpreg.admin.model.MeterQuery;
import io.mpreg.admin.model.NodeHealth;
import io.mpreg.admin.model.NodeReading;
import org.junit.jupiter.api.Test;

class RuleEvaluatorTest {

    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");

    private static MemberReport managed(String id, MemberStatus status) {
        return new MemberReport(id, status, 1, List.of(), 0, null, "http://127.0.0.1:1", 0);
    }

    @Test
    void functionWithoutAliveProviderIsUnavailableAndANamedMissingFunctionToo() {
        ClusterReport report = new ClusterReport(member("a", MemberStatus.ALIVE),
                List.of(member("a", MemberStatus.ALIVE), member("b", MemberStatus.DEAD)),
                List.of(new FunctionReport("pay", "1.0.0", List.of(), false, List.of("b")),
                        new FunctionReport("echo", "1.0.0", List.of(), true, List.of("a", "b"))));
        FleetSnapshot fleet = Fleets.fleet("prod", report, NOW);

        assertThat(RuleEvaluator.breaches(AlertRule.of("any", RuleKind.FUNCTION_UNAVAILABLE), fleet))
                .extracting(Breach::key).containsExactly("prod/pay");
        assertThat(RuleEvaluator.breaches(AlertRule.of("named", RuleKind.FUNCTION_UNAVAILABLE)
                .withFunction("billing"), fleet)).extracting(Breach::key).containsExactly("prod/billing");
        assertThat(RuleEvaluator.breaches(AlertRule.of("echo", RuleKind.FUNCTION_UNAVAILABLE)
                .withFunction("echo"), fleet)).isEmpty();
    }

    @Test
    void errorRateAndLatencyRulesCompareEachAliveMembersFigures() {
        ClusterReport report = report(List.of(managed("a", MemberStatus.ALIVE), managed("b", MemberStatus.ALIVE)));
        Map<String, NodeReading> readings = Map.of(
                "a", reading(100, 90, 0.250),
                "b", reading(100, 100, 0.010));
        FleetSnapshot fleet = Fleets.fleet("prod", report, readings, NOW, null);

        assertThat(RuleEvaluator.breaches(AlertRule.of("errors", RuleKind.ERROR_RATE_ABOVE, Comparison.GT, 0.05), fleet))
                .singleElement().satisfies(breach -> {
                    assertThat(breach.key()).isEqualTo("prod/a");
                    assertThat(breach.value()).isCloseTo(0.1, org.assertj.core.data.Offset.offset(1e-9));
                });
        assertThat(RuleEvaluator.breaches(AlertRule.of("slow", RuleKind.P99_ABOVE, Comparison.GT, 100), fleet))
                .singleElement().extracting(Breach::value).isEqualTo(250.0);
    }

    @Test
    void meterRuleReadsTheStatisticOfTheTaggedMeter() {
        MeterQuery heap = new MeterQuery("jvm.memory.used", Map.of("area", "heap"));
        ClusterReport report = report(List.of(managed("a", MemberStatus.ALIVE)));
        NodeReading reading = new NodeReading(new NodeHealth("UP", Map.of(), null),
                Map.of(heap.key(), Map.of("VALUE", 900.0)));
        FleetSnapshot fleet = Fleets.fleet("prod", report, Map.of("a", reading), NOW, null);

        AlertRule rule = AlertRule.meter("heap", "jvm.memory.used", "value", Map.of("area", "heap"),
                Comparison.GE, 900);

        assertThat(RuleEvaluator.breaches(rule, fleet)).singleElement()
                .satisfies(breach -> assertThat(breach.summary()).contains("jvm.memory.used{area=heap} VALUE"));
        assertThat(RuleEvaluator.breaches(rule.withThreshold(Comparison.GT, 900), fleet)).isEmpty();
    }

    @Test
    void unreachableClusterAndUnhealthyNodeAreReported() {
        ClusterReport report = report(List.of(managed("a", MemberStatus.ALIVE)));
        NodeReading down = new NodeReading(new NodeHealth("DOWN", Map.of("db", "DOWN"), null), Map.of());
        ClusterSnapshot polled = Fleets.fleet("prod", report, Map.of("a", down), NOW, null).clusters().get(0);
        FleetSnapshot fleet = new FleetSnapshot(2, NOW, List.of(polled.unreachable("connection refused", NOW)));

        assertThat(RuleEvaluator.breaches(AlertRule.of("gone", RuleKind.CLUSTER_UNREACHABLE), fleet))
                .singleElement().extracting(Breach::summary).asString().contains("connection refused");
        assertThat(RuleEvaluator.breaches(AlertRule.of("sick", RuleKind.NODE_UNHEALTHY), fleet))
                .extracting(Breach::key).containsExactly("prod/a");
    }

    @Test
    void aRuleLimitedToOneClusterIgnoresTheOthers() {
        FleetSnapshot fleet = Fleets.fleet("prod", report(List.of(member("a", MemberStatus.DEAD))), NOW);

        assertThat(RuleEvaluator.breaches(AlertRule.of("down", RuleKind.MEMBER_DOWN).withCluster("staging"), fleet))
                .isEmpty();
        assertThat(RuleEvaluator.breaches(AlertRule.of("down", RuleKind.MEMBER_DOWN).withCluster("prod"), fleet))
                .hasSize(1);
    }

    @Test
    void rulesMissingWhatTheirKindNeedsAreRejectedWithTheReason() {
        assertThatThrownBy(() -> AlertRule.of("live", RuleKind.LIVE_MEMBERS_BELOW))
                .hasMessageContaining("needs a threshold");
        assertThatThrownBy(() -> AlertRule.of("m", RuleKind.METER, Comparison.GT, 1))
                .hasMessageContaining("needs a meter name");
        assertThatThrownBy(() -> AlertRule.of("bad name", RuleKind.MEMBER_DOWN))
                .hasMessageContaining("letters, digits");
    }

    private static NodeReading reading(double requests, double successes, double p99Seconds) {
        return new NodeReading(new NodeHealth("UP", Map.of(), null), Map.of(
                MeterQuery.RPC_REQUESTS.key(), Map.of("COUNT", requests),
                MeterQuery.RPC_SUCCESSES.key(), Map.of("COUNT", successes),
                MeterQuery.RPC_P99.key(), Map.of("VALUE", p99Seconds)));
    }
}
