package io.mpreg.core.fabric;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;

import io.mpreg.core.cluster.ClusterConfig;
import io.mpreg.core.cluster.ClusterView;
import io.mpreg.core.node.MpregNode;
import io.mpreg.core.node.MpregNodeBuilder;

/** Real clustered {@link MpregNode}s on 127.0.0.1 with short protocol timings; closes them all. */
final class TestCluster implements AutoCloseable {

    static final ClusterConfig FAST = ClusterConfig.builder("test")
            .probeInterval(Duration.ofMillis(250))
            .probeTimeout(Duration.ofMillis(125))
            .suspicionMultiplier(3)
            .gossipInterval(Duration.ofMillis(50))
            .antiEntropyInterval(Duration.ofSeconds(2))
            .joinRetryInterval(Duration.ofMillis(300))
            .seedRefreshInterval(Duration.ofSeconds(5))
            .viewPublishDelay(Duration.ofMillis(10))
            .build();

    /**
     * FAST with a suspicion timeout of about 3 s instead of 0.8 s: for suites that
     * test no failures and run eleven nodes in one JVM, so that a scheduling stall
     * on a loaded machine never reads as a death.
     */
    static final ClusterConfig STEADY = FAST.toBuilder().suspicionMultiplier(12).build();

    private final ClusterConfig protocol;
    private final Random random = new Random(42);
    private final List<MpregNode> nodes = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** A cluster with the {@link #FAST} timings. */
    TestCluster() {
        this(FAST);
    }

    /** A cluster whose nodes use the given protocol timings. */
    TestCluster(ClusterConfig protocol) {
        this.protocol = protocol;
    }

    /** Starts a node joining through the first node started (if any). */
    MpregNode start(String name, UnaryOperator<MpregNodeBuilder> setup) {
        ClusterSettings.Builder cluster = ClusterSettings.builder().protocol(protocol).clusterId("test");
        if (!nodes.isEmpty()) {
            cluster.seeds(nodes.get(0).url());
        }
        MpregNode node = setup.apply(MpregNode.builder().name(name).host("127.0.0.1").port(0)
                .random(new Random(random.nextLong())).cluster(cluster.build())).start();
        nodes.add(node);
        return node;
    }

    /** Waits until every running node sees every running node alive and offering what it offers. */
    void awaitConverged() {
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(20)).until(this::converged);
    }

    boolean converged() {
        List<MpregNode> running = List.copyOf(nodes);
        for (MpregNode node : running) {
            ClusterView view = node.cluster().orElseThrow().view();
            if (view.liveMembers().size() != running.size()) {
                return false;
            }
            for (MpregNode other : running) {
                for (var function : other.registry().descriptors()) {
                    if (!function.name().startsWith("mpreg.") && view.offers(function.name()).stream()
                            .noneMatch(offer -> offer.member().id().equals(other.config().name()))) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    /** Closes a node gracefully and forgets it. */
    void close(MpregNode node) {
        nodes.remove(node);
        node.close();
    }

    static NodeCluster cluster(MpregNode node) {
        return node.cluster().orElseThrow();
    }

    @Override
    public void close() {
        nodes.parallelStream().forEach(MpregNode::close);
    }
}
