package io.mpreg.server.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Checks the server image definition without a registry or Docker daemon.
 *
 * <p>Runs only in the {@code image-tar} profile ({@code ./mvnw -B -pl mpreg-server-app -am verify
 * -Pimage-tar}), which builds {@code target/jib-image.tar} at {@code package} on an empty base
 * image: everything Jib adds (entrypoint, JVM flags, user, port, layers) is checked here; the
 * eclipse-temurin base itself is not, since it cannot be fetched offline.
 */
class ServerImageTarIT {

    private static final Path IMAGE_TAR = Path.of("target/jib-image.tar");
    private static final Path CHART_VALUES = Path.of("../helm/mpreg/values.yaml");

    private static JibImageTar image;
    private static JsonNode chartValues;

    @BeforeAll
    static void readImageAndChartValues() {
        image = JibImageTar.read(IMAGE_TAR);
        chartValues = new YAMLMapper().readTree(CHART_VALUES.toFile());
    }

    @Test
    void entrypointSizesTheHeapByTheContainerLimitAndExitsOnOutOfMemory() {
        List<String> entrypoint = image.containerConfig().path("Entrypoint").valueStream()
                .map(JsonNode::asString)
                .toList();

        assertThat(entrypoint.get(0)).isEqualTo("java");
        assertThat(entrypoint).contains("-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError");
        assertThat(entrypoint.get(entrypoint.size() - 1)).isEqualTo("io.mpreg.server.MpregServerApplication");
    }

    @Test
    void imageRunsAsTheNonRootUserTheChartRunsItAs() {
        JsonNode security = chartValues.path("securityContext");

        assertThat(image.containerConfig().path("User").asString())
                .isEqualTo(security.path("runAsUser").asInt() + ":" + security.path("runAsGroup").asInt())
                .doesNotStartWith("0:");
    }

    @Test
    void imageExposesTheNodePortTheChartProbes() {
        assertThat(image.containerConfig().path("ExposedPorts").propertyNames())
                .containsExactly(chartValues.at("/server/port").asInt() + "/tcp");
    }

    @Test
    void imageIsTaggedWithTheRepositoryTheChartPulls() {
        assertThat(image.manifest().path("RepoTags").get(0).asString())
                .startsWith(chartValues.at("/server/image/repository").asString() + ":");
    }

    @Test
    void dependenciesResourcesAndClassesShipAsSeparateLayers() {
        assertThat(image.layers()).extracting(JibImageTar.Layer::comment)
                .contains("dependencies", "project dependencies", "resources", "classes");
        assertThat(layer("classes").paths()).contains("app/classes/io/mpreg/server/MpregServerApplication.class");
        assertThat(layer("project dependencies").paths()).anyMatch(path -> path.matches("app/libs/mpreg-core-.*\\.jar"));
        assertThat(layer("dependencies").paths()).noneMatch(path -> path.contains("mpreg-"));
    }

    private static JibImageTar.Layer layer(String comment) {
        return image.layers().stream().filter(layer -> layer.comment().equals(comment)).findFirst().orElseThrow();
    }
}
