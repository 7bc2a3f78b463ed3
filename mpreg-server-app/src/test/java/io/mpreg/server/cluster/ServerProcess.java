package io.mpreg.server.cluster;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One {@code mpreg-server-app} jar running as an OS process on 127.0.0.1.
 *
 * <p>It binds an ephemeral port ({@code server.port=0}) and writes it to a
 * port file once listening ({@code mpreg.server.port-file}), which is how the
 * harness learns it: robust against log format changes and never racing for a
 * port. Its output goes to {@code <name>-<n>.log} in the suite's directory.
 */
final class ServerProcess {

    /** How long a node may take to start on a busy 2-core machine. */
    static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(3);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(HTTP_TIMEOUT).build();

    private final NodeSpec spec;
    private final Process process;
    private final Path portFile;
    private volatile int port;

    private ServerProcess(NodeSpec spec, Process process, Path portFile) {
        this.spec = spec;
        this.process = process;
        this.portFile = portFile;
    }

    /**
     * Starts the jar for the given node.
     *
     * @param environment the node's environment variables (name, resources, cluster id and seeds)
     * @param arguments   further Spring Boot command-line arguments (timings)
     */
    static ServerProcess start(Path jar, Path directory, NodeSpec spec, int generation, Map<String, String> environment,
                               List<String> arguments) {
        Path portFile = directory.resolve(spec.name() + "-" + generation + ".port");
        Path log = directory.resolve(spec.name() + "-" + generation + ".log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // Small, quick-starting JVMs: several share two cores during the build.
                "-Xmx160m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k",
                "-jar", jar.toString(),
                "--spring.profiles.active=cluster-demo",
                "--server.address=127.0.0.1",
                "--server.port=0",
                "--mpreg.server.port-file=" + portFile,
                "--spring.lifecycle.timeout-per-shutdown-phase=5s"));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        builder.environment().put("MPREG_NODE_NAME", spec.name());
        builder.environment().put("MPREG_NODE_RESOURCES", String.join(",", spec.resources()));
        try {
            // A port file left by an earlier run would name a port nobody listens on.
            Files.deleteIfExists(portFile);
            return new ServerProcess(spec, builder.start(), portFile);
        }
        catch (IOException cannotStart) {
            throw new UncheckedIOException("cannot start node " + spec.name(), cannotStart);
        }
    }

    NodeSpec spec() {
        return spec;
    }

    String name() {
        return spec.name();
    }

    /** The bound port, waiting for the port file (the process must still be running). */
    int port() {
        if (port == 0) {
            await("port file of " + name()).atMost(START_TIMEOUT).pollInterval(Duration.ofMillis(100))
                    .until(() -> {
                        requireAlive();
                        return readPort() > 0;
                    });
            port = readPort();
        }
        return port;
    }

    /** The node's WebSocket URL for clients and peers. */
    String url() {
        return "ws://127.0.0.1:" + port() + "/mpreg";
    }

    /** Waits until {@code /actuator/health/readiness} answers 200. */
    ServerProcess awaitReady() {
        await(name() + " ready").atMost(START_TIMEOUT).pollInterval(Duration.ofMillis(200))
                .ignoreExceptionsInstanceOf(IOException.class)
                .until(() -> {
                    requireAlive();
                    return status("/actuator/health/readiness") == 200;
                });
        return this;
    }

    /** The HTTP status of a GET on this node. */
    int status(String path) throws IOException, InterruptedException {
        return HTTP.send(get(path), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** The JSON body of a GET on this node. */
    JsonNode getJson(String path) {
        return JSON.readTree(send(get(path)).body());
    }

    /** A POST (empty body) on this node; the response's status. */
    int post(String path) {
        return send(HttpRequest.newBuilder(uri(path)).timeout(HTTP_TIMEOUT)
                .POST(HttpRequest.BodyPublishers.noBody()).build()).statusCode();
    }

    /** A DELETE on this node; the response's status. */
    int delete(String path) {
        return send(HttpRequest.newBuilder(uri(path)).timeout(HTTP_TIMEOUT).DELETE().build()).statusCode();
    }

    /** SIGKILL: the node vanishes without a goodbye. */
    void kill() {
        process.destroyForcibly();
        awaitExit();
    }

    /** SIGTERM: the node shuts down gracefully (leaves the cluster, drains in-flight work). */
    void stop() {
        process.destroy();
    }

    /** Waits for the process to end (forcing it after the start timeout). */
    void awaitExit() {
        try {
            if (!process.waitFor(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
        catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Kills the process now, whatever state it is in (for cleanup). */
    void destroyForcibly() {
        process.destroyForcibly();
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(uri(path)).timeout(HTTP_TIMEOUT).GET().build();
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port() + path);
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        }
        catch (IOException failed) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", failed);
        }
        catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", interrupted);
        }
    }

    private int readPort() {
        try {
            String text = Files.exists(portFile) ? Files.readString(portFile).trim() : "";
            return text.isEmpty() ? 0 : Integer.parseInt(text);
        }
        catch (IOException | NumberFormatException notWrittenYet) {
            return 0;
        }
    }

    private void requireAlive() {
        if (!process.isAlive()) {
            throw new IllegalStateException("node " + name() + " exited with status " + process.exitValue()
                    + "; see its log in " + portFile.getParent());
        }
    }

    @Override
    public String toString() {
        return name() + (port == 0 ? "" : "@" + port);
    }
}
