package io.mpreg.admin;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

import io.mpreg.core.cluster.ClusterConfig;
import io.mpreg.core.fabric.ClusterSettings;
import io.mpreg.core.fabric.internal.Fabric;
import io.mpreg.core.function.FunctionDescriptor;
import io.mpreg.core.node.MpregNode;
import reactor.core.publisher.Mono;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * A real cluster of three clustered {@link MpregNode}s on 127.0.0.1
 * ({@code node-000} to {@code node-002}, resource {@code cpu}, each offering
 * {@code score} besides the built-in {@code echo} and {@code echos}) with short membership timings. Each node keeps its port for
 * its whole life, so a node started again after a crash is reached at the
 * same URL, and the admin app's seed list stays valid.
 */
public final class LiveCluster implements AutoCloseable {

    /** Membership timings short enough that a crash is detected within about two seconds. */
    public static final ClusterConfig TIMINGS = ClusterConfig.builder("admin-test")
            .probeInterval(Duration.ofMillis(250))
            .probeTimeout(Duration.ofMillis(125))
            .suspicionMultiplier(3)
            .gossipInterval(Duration.ofMillis(50))
            .antiEntropyInterval(Duration.ofSeconds(2))
            .joinRetryInterval(Duration.ofMillis(300))
            .seedRefreshInterval(Duration.ofSeconds(5))
            .viewPublishDelay(Duration.ofMillis(10))
            .build();

    /** The one instance of the test JVM, shared by the admin app's test contexts (after the timings it uses). */
    public static final LiveCluster INSTANCE = new LiveCluster(3);

    private final Random random = new Random(42);
    private final List<String> ids;
    private final Map<String, Integer> ports = new ConcurrentHashMap<>();
    private final Map<String, MpregNode> running = new ConcurrentHashMap<>();

    private LiveCluster(int size) {
        ids = IntStream.range(0, size).mapToObj(i -> String.format("node-%03d", i)).toList();
        ids.forEach(this::start);
    }

    /** The WebSocket URLs of every member, running or not. */
    public List<String> urls() {
        return ids.stream().map(id -> "ws://127.0.0.1:" + ports.get(id) + "/mpreg").toList();
    }

    /** How long after a crash every member has declared the node dead, at most. */
    public Duration detectionBound() {
        return TIMINGS.failureDetectionBound(ids.size());
    }

    /** Stops a node at once without a goodbye, as a crashed process would. */
    public void crash(String id) {
        MpregNode node = Objects.requireNonNull(running.remove(id), () -> id + " is not running");
        Fabric fabric = (Fabric) node.cluster().orElseThrow();
        Objects.requireNonNull(fabric.clusterNode(), "clusterNode").stop();
        node.close();
    }

    /** Starts the node again (a fresh process under its old id and port) unless it is running. */
    public void ensureRunning(String id) {
        if (!running.containsKey(id)) {
            start(id);
        }
    }

    private synchronized void start(String id) {
        ClusterSettings.Builder cluster = ClusterSettings.builder().protocol(TIMINGS).clusterId("admin-test");
        List<String> seeds = running.values().stream().map(MpregNode::url).toList();
        if (!seeds.isEmpty()) {
            cluster.seeds(seeds);
        }
        MpregNode node = MpregNode.builder().name(id).host("127.0.0.1").port(ports.getOrDefault(id, 0))
                .resources("cpu").random(new Random(random.nextLong())).cluster(cluster.build())
                .function(FunctionDescriptor.of("score").withResources("cpu"),
                        (args, kwargs) -> Mono.just(JsonNodeFactory.instance.numberNode(id.length())))
                .start();
        ports.put(id, node.port());
        running.put(id, node);
    }

    @Override
    public void close() {
        running.values().parallelStream().forEach(MpregNode::close);
        running.clear();
    }
}
