package io.mpreg.server.helm;

import static io.mpreg.server.helm.RenderedChart.containers;
import static io.mpreg.server.helm.RenderedChart.podSpec;
import static io.mpreg.server.helm.RenderedChart.stream;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

class HelmPodHardeningTest {

    @ParameterizedTest
    @EnumSource(ValueSet.class)
    void everyContainerHasCpuAndMemoryRequestsAndLimits(ValueSet valueSet) {
        assertThat(allContainers(valueSet)).isNotEmpty().allSatisfy(container -> {
            JsonNode resources = container.path("resources");
            assertThat(resources.at("/limits/cpu").asString()).isNotBlank();
            assertThat(resources.at("/limits/memory").asString()).isNotBlank();
            assertThat(resources.at("/requests/cpu").asString()).isNotBlank();
            assertThat(resources.at("/requests/memory").asString()).isNotBlank();
        });
    }

    @ParameterizedTest
    @EnumSource(ValueSet.class)
    void everyPodRunsAsNonRootOnAReadOnlyRootFilesystemWithoutCapabilities(ValueSet valueSet) {
        assertThat(HelmChart.render(valueSet).workloads()).allSatisfy(workload -> {
            JsonNode pod = podSpec(workload).path("securityContext");
            assertThat(pod.path("runAsNonRoot").asBoolean()).isTrue();
            assertThat(pod.path("runAsUser").asInt()).isPositive();
            assertThat(pod.at("/seccompProfile/type").asString()).isEqualTo("RuntimeDefault");
            assertThat(containers(workload)).allSatisfy(container -> {
                JsonNode security = container.path("securityContext");
                assertThat(security.path("runAsNonRoot").asBoolean()).isTrue();
                assertThat(security.path("readOnlyRootFilesystem").asBoolean()).isTrue();
                assertThat(security.path("allowPrivilegeEscalation").asBoolean(true)).isFalse();
                assertThat(stream(security.at("/capabilities/drop")).map(JsonNode::asString)).containsExactly("ALL");
            });
            assertThat(podSpec(workload).path("automountServiceAccountToken").asBoolean(true)).isFalse();
        });
    }

    @ParameterizedTest
    @EnumSource(ValueSet.class)
    void tmpIsAWritableEmptyDirInEveryPod(ValueSet valueSet) {
        assertThat(HelmChart.render(valueSet).workloads()).allSatisfy(workload -> {
            String tmpVolume = mountedVolume(containers(workload).get(0), "/tmp");
            assertThat(volume(workload, tmpVolume).has("emptyDir")).isTrue();
        });
    }

    @ParameterizedTest
    @EnumSource(ValueSet.class)
    void serverDataDirectoryIsAnEmptyDirOrAPersistentClaim(ValueSet valueSet) {
        JsonNode statefulSet = HelmChart.render(valueSet).serverStatefulSet();
        String dataVolume = mountedVolume(containers(statefulSet).get(0), "/data");

        boolean claimed = stream(statefulSet.at("/spec/volumeClaimTemplates"))
                .anyMatch(claim -> claim.at("/metadata/name").asString().equals(dataVolume));
        if (valueSet == ValueSet.MONITORED) {
            assertThat(claimed).isTrue();
        } else {
            assertThat(volume(statefulSet, dataVolume).has("emptyDir")).isTrue();
        }
    }

    private static List<JsonNode> allContainers(ValueSet valueSet) {
        return HelmChart.render(valueSet).workloads().stream()
                .flatMap(workload -> containers(workload).stream())
                .toList();
    }

    private static String mountedVolume(JsonNode container, String mountPath) {
        return stream(container.path("volumeMounts"))
                .filter(mount -> mount.path("mountPath").asString().equals(mountPath))
                .map(mount -> mount.path("name").asString())
                .findFirst()
                .orElseThrow(() -> new AssertionError("nothing mounted at " + mountPath));
    }

    private static JsonNode volume(JsonNode workload, String name) {
        return stream(podSpec(workload).path("volumes"))
                .filter(volume -> volume.path("name").asString().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no volume " + name));
    }
}
