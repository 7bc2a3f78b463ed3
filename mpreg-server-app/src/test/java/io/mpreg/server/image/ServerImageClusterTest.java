package io.mpreg.server.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.lifecycle.Startables;
import org.testcontainers.utility.DockerImageName;

/**
 * Builds the server image with Jib into the local Docker daemon and runs a three-node cluster
 * from it, read-only and memory-limited as the Helm chart runs it. Skipped without Docker.
 */
@Testcontainers(disabledWithoutDocker = true)
class ServerImageClusterTest {

    private static final String IMAGE = "mpreg/mpreg-server-app:cluster-test";
    private static final int PORT = 9001;
    private static final int NODES = 3;
    private static final Path PROJECT_ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Duration BUILD_TIMEOUT = Duration.ofMinutes(10);

    private static Network network;
    private static List<GenericContainer<?>> nodes;

    @BeforeAll
    static void buildImageAndStartCluster() throws IOException, InterruptedException {
        buildImageWithJib();
        network = Network.newNetwork();
        String seeds = String.join(",", IntStream.range(0, NODES)
                .mapToObj(i -> "ws://node-" + i + ":" + PORT + "/mpreg")
                .toList());
        nodes = IntStream.range(0, NODES).<GenericContainer<?>>mapToObj(i -> new GenericContainer<>(DockerImageName.parse(IMAGE))
                        .withNetwork(network)
                        .withNetworkAliases("node-" + i)
                        .withEnv("MPREG_CLUSTER_ID", "image-test")
                        .withEnv("MPREG_CLUSTER_SEEDS", seeds)
                        .withEnv("MANAGEMENT_ENDPOINT_HEALTH_PROBES_ENABLED", "true")
                        .withTmpFs(Map.of("/tmp", "rw"))
                        .withCreateContainerCmdModifier(command -> command.getHostConfig()
                                .withReadonlyRootfs(true)
                                .withMemory(768L * 1024 * 1024))
                        .withExposedPorts(PORT)
                        .waitingFor(Wait.forHttp("/actuator/health/readiness")
                                .forPort(PORT)
                                .withStartupTimeout(Duration.ofMinutes(3))))
                .toList();
        Startables.deepStart(nodes).join();
    }

    @AfterAll
    static void stopCluster() {
        if (nodes != null) {
            nodes.forEach(GenericContainer::stop);
        }
        if (network != null) {
            network.close();
        }
    }

    @Test
    void everyNodeOfTheClusterReportsReady() throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        for (GenericContainer<?> node : nodes) {
            URI readiness = URI.create("http://" + node.getHost() + ":" + node.getMappedPort(PORT) + "/actuator/health/readiness");
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(readiness).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("\"UP\"");
        }
    }

    @Test
    void nodesRunAsTheNonRootImageUser() throws IOException, InterruptedException {
        for (GenericContainer<?> node : nodes) {
            assertThat(node.execInContainer("id", "-u").getStdout().trim()).isEqualTo("65532");
        }
    }

    private static void buildImageWithJib() throws IOException, InterruptedException {
        Path log = PROJECT_ROOT.resolve("mpreg-server-app/target/jib-docker-build.log");
        Process build = new ProcessBuilder(
                        PROJECT_ROOT.resolve("mvnw").toString(), "-B", "-ntp",
                        "-pl", "mpreg-server-app", "-am", "-DskipTests",
                        "package", "jib:dockerBuild", "-Djib.to.image=" + IMAGE)
                .directory(PROJECT_ROOT.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        boolean finished = build.waitFor(BUILD_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        if (!finished) {
            build.destroyForcibly();
        }
        assertThat(finished).as("jib:dockerBuild finished within %s, see %s", BUILD_TIMEOUT, log).isTrue();
        assertThat(build.exitValue()).as("jib:dockerBuild exit code, see %s", log).isZero();
    }
}
