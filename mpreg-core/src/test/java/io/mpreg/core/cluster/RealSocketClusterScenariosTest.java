package io.mpreg.core.cluster;

import java.time.Duration;

/**
 * The cluster scenarios on real {@code MpregNode}s over WebSocket on loopback,
 * with the protocol's timings a quarter of the defaults so the suite stays short.
 */
class RealSocketClusterScenariosTest extends ClusterScenarios {

    static final ClusterConfig FAST = CONFIG.toBuilder()
            .probeInterval(Duration.ofMillis(250))
            .probeTimeout(Duration.ofMillis(125))
            .gossipInterval(Duration.ofMillis(50))
            .antiEntropyInterval(Duration.ofMillis(2500))
            .joinRetryInterval(Duration.ofMillis(500))
            .seedRefreshInterval(Duration.ofMillis(7500))
            .deadRetention(Duration.ofSeconds(15))
            .viewPublishDelay(Duration.ofMillis(10))
            .build();

    @Override
    ClusterHarness harness() {
        return new RealSocketClusterHarness();
    }

    @Override
    ClusterConfig config() {
        return FAST;
    }

    @Override
    double timeScale() {
        return 0.25;
    }

    @Override
    Duration goodbyeBound() {
        return Duration.ofSeconds(1);
    }
}
