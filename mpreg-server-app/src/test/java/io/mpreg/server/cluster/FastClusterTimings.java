package io.mpreg.server.cluster;

import java.time.Duration;
import java.util.List;

import io.mpreg.core.cluster.ClusterConfig;

/**
 * The short membership timings process-cluster suites run with, as server
 * arguments, and the failure detection bound they imply.
 */
public final class FastClusterTimings {

    private static final ClusterConfig TIMINGS = ClusterConfig.builder("bound")
            .probeInterval(Duration.ofMillis(300))
            .probeTimeout(Duration.ofMillis(150))
            .suspicionMultiplier(3)
            .gossipInterval(Duration.ofMillis(50))
            .build();

    private FastClusterTimings() {
    }

    /** Command-line arguments giving a server app these timings. */
    public static List<String> arguments() {
        return List.of(
                "--mpreg.cluster.probe.interval=" + TIMINGS.probeInterval().toMillis() + "ms",
                "--mpreg.cluster.probe.timeout=" + TIMINGS.probeTimeout().toMillis() + "ms",
                "--mpreg.cluster.probe.suspicion-multiplier=" + TIMINGS.suspicionMultiplier(),
                "--mpreg.cluster.gossip.interval=" + TIMINGS.gossipInterval().toMillis() + "ms",
                "--mpreg.cluster.join-retry-interval=300ms",
                "--mpreg.cluster.seed-refresh-interval=2s",
                "--mpreg.cluster.anti-entropy-interval=1s");
    }

    /** How long a cluster of {@code clusterSize} nodes takes at most to agree a killed node is dead. */
    public static Duration failureDetectionBound(int clusterSize) {
        return TIMINGS.failureDetectionBound(clusterSize);
    }
}
