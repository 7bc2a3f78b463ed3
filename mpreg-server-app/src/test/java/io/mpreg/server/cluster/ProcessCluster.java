package io.mpreg.server.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * A cluster of {@link ServerProcess}es sharing one cluster id. Each node is
 * started with the URLs of the nodes already running as its seeds
 * ({@code MPREG_CLUSTER_SEEDS}). {@link #close()} kills every process, and a
 * JVM shutdown hook does the same if the test JVM dies first: no node
 * outlives the suite.
 */
final class ProcessCluster implements AutoCloseable {

    private static final Path TARGET = Path.of("target");

    private final Path jar;
    private final Path directory;
    private final String clusterId;
    private final List<String> arguments;
    private final Map<String, ServerProcess> nodes = new ConcurrentHashMap<>();
    private final Map<String, Integer> generations = new ConcurrentHashMap<>();
    private final Thread killer = new Thread(this::destroyAll, "process-cluster-killer");

    /**
     * @param clusterId its id ({@code MPREG_CLUSTER_ID}); a fresh one keeps stray nodes out
     * @param arguments Spring Boot arguments given to every node (cluster timings)
     */
    ProcessCluster(String clusterId, List<String> arguments) {
        this.jar = serverJar();
        this.clusterId = Objects.requireNonNull(clusterId, "clusterId");
        this.arguments = List.copyOf(arguments);
        this.directory = TARGET.resolve("process-cluster").toAbsolutePath();
        try {
            Files.createDirectories(directory);
        }
        catch (IOException cannotCreate) {
            throw new UncheckedIOException(cannotCreate);
        }
        Runtime.getRuntime().addShutdownHook(killer);
    }

    /**
     * Starts the first node alone, then the others at once with the first as
     * their seed, and waits until all are ready.
     */
    void startAll(List<NodeSpec> specs) {
        start(specs.get(0)).awaitReady();
        List<ServerProcess> rest = new ArrayList<>();
        for (NodeSpec spec : specs.subList(1, specs.size())) {
            rest.add(start(spec));
        }
        rest.forEach(ServerProcess::awaitReady);
    }

    /** Starts a node whose seeds are the nodes running now; returns without waiting for it. */
    ServerProcess start(NodeSpec spec) {
        List<String> seeds = nodes.values().stream().filter(ServerProcess::isAlive).map(ServerProcess::url).toList();
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("MPREG_CLUSTER_ID", clusterId);
        environment.put("MPREG_CLUSTER_SEEDS", String.join(",", seeds));
        int generation = generations.merge(spec.name(), 1, Integer::sum);
        ServerProcess process = ServerProcess.start(jar, directory, spec, generation, environment, arguments);
        nodes.put(spec.name(), process);
        return process;
    }

    /** Starts a node again under its old name, after it was killed or stopped, and waits until it is ready. */
    ServerProcess restart(String name) {
        ServerProcess old = node(name);
        if (old.isAlive()) {
            throw new IllegalStateException(name + " is still running");
        }
        nodes.remove(name);
        return start(old.spec()).awaitReady();
    }

    ServerProcess node(String name) {
        ServerProcess node = nodes.get(name);
        if (node == null) {
            throw new IllegalArgumentException("no node named " + name + " (nodes: " + nodes.keySet() + ")");
        }
        return node;
    }

    /** The nodes running now. */
    List<ServerProcess> running() {
        return nodes.values().stream().filter(ServerProcess::isAlive).toList();
    }

    @Override
    public void close() {
        destroyAll();
        try {
            Runtime.getRuntime().removeShutdownHook(killer);
        }
        catch (IllegalStateException shuttingDown) {
            // The hook is running or about to run; it kills the same processes.
        }
    }

    private void destroyAll() {
        nodes.values().forEach(ServerProcess::destroyForcibly);
        nodes.values().forEach(ServerProcess::awaitExit);
    }

    /** The repackaged Boot jar that {@code package} wrote. */
    private static Path serverJar() {
        try (Stream<Path> files = Files.list(TARGET)) {
            return files.filter(path -> {
                        String name = path.getFileName().toString();
                        return name.startsWith("mpreg-server-app-") && name.endsWith(".jar");
                    })
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException(
                            "no target/mpreg-server-app-*.jar: run the suite with ./mvnw verify (after package)"))
                    .toAbsolutePath();
        }
        catch (IOException cannotList) {
            throw new UncheckedIOException("cannot list " + TARGET.toAbsolutePath(), cannotList);
        }
    }
}
