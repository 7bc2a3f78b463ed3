package io.mpreg.server.helm;

import static io.mpreg.server.helm.RenderedChart.containerPort;
import static io.mpreg.server.helm.RenderedChart.containers;
import static io.mpreg.server.helm.RenderedChart.env;
import static io.mpreg.server.helm.RenderedChart.podLabels;
import static io.mpreg.server.helm.RenderedChart.selects;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

class HelmServerDiscoveryTest {

    @ParameterizedTest
    @EnumSource(ValueSet.class)
    void seedUrlPointsAtTheHeadlessServiceGoverningTheStatefulSet(ValueSet valueSet) {
        RenderedChart chart = HelmChart.render(valueSet);
        JsonNode statefulSet = chart.serverStatefulSet();
        String headlessName = statefulSet.path("spec").path("serviceName").asString();
        JsonNode headless = chart.named("Service", headlessName);
        JsonNode server = containers(statefulSet).get(0);

        assertThat(headlessName).isEqualTo(HelmChart.RELEASE + "-mpreg-headless");
        assertThat(headless.path("spec").path("clusterIP").asString()).isEqualTo("None");
        assertThat(env(server, "MPREG_CLUSTER_SEEDS"))
                .isEqualTo("ws://" + headlessName + "." + HelmChart.NAMESPACE + ".svc.cluster.local:"
                        + containerPort(server, "ws") + "/mpreg");
    }

    @ParameterizedTest
    @EnumSource(ValueSet.class)
    void eachNodeAdvertisesItsPodsStableNameOnTheHeadlessService(ValueSet valueSet) {
        JsonNode statefulSet = HelmChart.render(valueSet).serverStatefulSet();
        String headlessName = statefulSet.path("spec").path("serviceName").asString();
        JsonNode server = containers(statefulSet).get(0);
        JsonNode podName = RenderedChart.stream(server.path("env"))
                .filter(variable -> variable.path("name").asString().equals("POD_NAME"))
                .findFirst().orElseThrow();

        assertThat(podName.path("valueFrom").path("fieldRef").path("fieldPath").asString()).isEqualTo("metadata.name");
        assertThat(env(server, "MPREG_CLUSTER_ADVERTISED_URL"))
                .isEqualTo("ws://$(POD_NAME)." + headlessName + "." + HelmChart.NAMESPACE + ".svc.cluster.local:"
                        + containerPort(server, "ws") + "/mpreg");
    }

    @ParameterizedTest
    @EnumSource(ValueSet.class)
    void headlessServiceListsEveryServerPodOnItsWebSocketPortBeforeItIsReady(ValueSet valueSet) {
        RenderedChart chart = HelmChart.render(valueSet);
        JsonNode statefulSet = chart.serverStatefulSet();
        JsonNode headless = chart.named("Service", statefulSet.path("spec").path("serviceName").asString());
        JsonNode port = headless.path("spec").path("ports").get(0);

        assertThat(headless.path("spec").path("publishNotReadyAddresses").asBoolean()).isTrue();
        assertThat(selects(headless.path("spec").path("selector"), podLabels(statefulSet))).isTrue();
        assertThat(containerPort(containers(statefulSet).get(0), port.path("targetPort").asString()))
                .isEqualTo(port.path("port").asInt())
                .isEqualTo(9001);
    }

    @ParameterizedTest
    @EnumSource(ValueSet.class)
    void allNodesStartInParallelSoTheyCanJoinWhileTheirPeersStart(ValueSet valueSet) {
        JsonNode spec = HelmChart.render(valueSet).serverStatefulSet().path("spec");

        assertThat(spec.path("podManagementPolicy").asString()).isEqualTo("Parallel");
        assertThat(spec.path("updateStrategy").path("type").asString()).isEqualTo("RollingUpdate");
    }

    @ParameterizedTest
    @EnumSource(ValueSet.class)
    void clientServiceBalancesOverTheServerPodsOnly(ValueSet valueSet) {
        RenderedChart chart = HelmChart.render(valueSet);
        JsonNode client = chart.named("Service", HelmChart.RELEASE + "-mpreg");

        assertThat(client.path("spec").path("clusterIP").isMissingNode()).isTrue();
        assertThat(selects(client.path("spec").path("selector"), podLabels(chart.serverStatefulSet()))).isTrue();
        assertThat(chart.ofKind("Deployment"))
                .noneMatch(admin -> selects(client.path("spec").path("selector"), podLabels(admin)));
    }

    @Test
    void everyNodeAndTheAdminAppShareOneClusterIdAndSeed() {
        RenderedChart chart = HelmChart.render(ValueSet.MONITORED);

        assertThat(chart.workloads())
                .hasSize(2)
                .allSatisfy(workload -> {
                    JsonNode container = containers(workload).get(0);
                    assertThat(env(container, "MPREG_CLUSTER_ID")).isEqualTo("prod-eu-1");
                    assertThat(env(container, "MPREG_CLUSTER_SEEDS")).startsWith("ws://rel-mpreg-headless.");
                });
    }

    @Test
    void clusterIdDefaultsToTheReleaseName() {
        JsonNode server = containers(HelmChart.render(ValueSet.DEFAULTS).serverStatefulSet()).get(0);

        assertThat(env(server, "MPREG_CLUSTER_ID")).isEqualTo("rel-mpreg");
    }

    @Test
    void explicitSeedsReplaceTheHeadlessServiceAndAreJoinedByCommas() {
        RenderedChart chart = HelmChart.render(ValueSet.DEFAULTS,
                Map.of("cluster.seeds[0]", "ws://a.example:9001/mpreg", "cluster.seeds[1]", "wss://b.example/mpreg"));

        assertThat(env(containers(chart.serverStatefulSet()).get(0), "MPREG_CLUSTER_SEEDS"))
                .isEqualTo("ws://a.example:9001/mpreg,wss://b.example/mpreg");
    }
}
