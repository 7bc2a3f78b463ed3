package io.mpreg.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.Map;

import io.mpreg.core.cluster.ClusterConfig;
import io.mpreg.core.cluster.RoutingPolicy;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class ClusterPropertyMapperTest {

    @Test
    void unsetPropertiesKeepTheCoreDefaults() {
        MpregClusterProperties properties = bind(Map.of());

        assertThat(ClusterPropertyMapper.clusterConfig(properties)).isEqualTo(ClusterConfig.defaults("mpreg"));
        assertThat(ClusterPropertyMapper.routingPolicy(properties)).isEqualTo(RoutingPolicy.DEFAULT);
        assertThat(ClusterPropertyMapper.quorum(properties)).isEqualTo(1);
        assertThat(ClusterPropertyMapper.seeds(properties)).isEmpty();
        assertThat(ClusterPropertyMapper.clusterSettings(properties, true).enabled()).isFalse();
    }

    @Test
    void aClusterIdOrASeedMakesTheNodeJoin() {
        assertThat(ClusterPropertyMapper.clusterSettings(bind(Map.of("mpreg.cluster.id", "prod")), true))
                .satisfies(settings -> {
                    assertThat(settings.enabled()).isTrue();
                    assertThat(settings.clusterId()).isEqualTo("prod");
                });
        assertThat(ClusterPropertyMapper.clusterSettings(
                bind(Map.of("mpreg.cluster.seeds", "ws://a:9001/mpreg")), true).clusterId()).isEqualTo("mpreg");
    }

    @Test
    void configuredUrlsAreGivenOnlyToANodeThatJoinsAsItStarts() {
        MpregClusterProperties properties = bind(Map.of("mpreg.cluster.id", "prod",
                "mpreg.cluster.advertised-url", "ws://node-0:9001/mpreg",
                "mpreg.cluster.management-url", "http://node-0:9001/actuator"));

        assertThat(ClusterPropertyMapper.clusterSettings(properties, true).advertisedUrl())
                .isEqualTo("ws://node-0:9001/mpreg");
        assertThat(ClusterPropertyMapper.clusterSettings(properties, true).managementUrl())
                .isEqualTo("http://node-0:9001/actuator");
        assertThat(ClusterPropertyMapper.clusterSettings(properties, false).advertisedUrl()).isNull();
    }

    @Test
    void everyProtocolPropertyReachesTheClusterConfig() {
        MpregClusterProperties properties = bind(Map.ofEntries(
                Map.entry("mpreg.cluster.id", "prod"),
                Map.entry("mpreg.cluster.probe.interval", "300ms"),
                Map.entry("mpreg.cluster.probe.timeout", "100ms"),
                Map.entry("mpreg.cluster.probe.indirect", "2"),
                Map.entry("mpreg.cluster.probe.suspicion-multiplier", "3"),
                Map.entry("mpreg.cluster.gossip.interval", "50ms"),
                Map.entry("mpreg.cluster.gossip.fanout", "4"),
                Map.entry("mpreg.cluster.gossip.retransmit-multiplier", "5"),
                Map.entry("mpreg.cluster.gossip.max-updates-per-message", "6"),
                Map.entry("mpreg.cluster.anti-entropy-interval", "2s"),
                Map.entry("mpreg.cluster.join-retry-interval", "500ms"),
                Map.entry("mpreg.cluster.seed-refresh-interval", "5s"),
                Map.entry("mpreg.cluster.dead-retention", "20s")));

        assertThat(ClusterPropertyMapper.clusterConfig(properties)).isEqualTo(ClusterConfig.builder("prod")
                .probeInterval(Duration.ofMillis(300)).probeTimeout(Duration.ofMillis(100)).indirectProbes(2)
                .suspicionMultiplier(3).gossipInterval(Duration.ofMillis(50)).gossipFanout(4)
                .retransmitMultiplier(5).maxUpdatesPerMessage(6).antiEntropyInterval(Duration.ofSeconds(2))
                .joinRetryInterval(Duration.ofMillis(500)).seedRefreshInterval(Duration.ofSeconds(5))
                .deadRetention(Duration.ofSeconds(20)).build());
    }

    @Test
    void seedsFromOneCommaSeparatedEnvironmentVariableBecomeAList() {
        MpregClusterProperties properties = bind(Map.of("mpreg.cluster.seeds",
                "ws://a:9001/mpreg, ws://b:9001/mpreg"));

        assertThat(ClusterPropertyMapper.seeds(properties)).containsExactly("ws://a:9001/mpreg", "ws://b:9001/mpreg");
        assertThat(ClusterPropertyMapper.seeds(bind(Map.of("mpreg.cluster.seeds", "")))).isEmpty();
    }

    @Test
    void theRoutingPolicyIsBoundInKebabCase() {
        MpregClusterProperties properties = bind(Map.of("mpreg.cluster.routing.strategy", "least-loaded",
                "mpreg.cluster.routing.prefer-local", "false"));

        assertThat(ClusterPropertyMapper.routingPolicy(properties))
                .isEqualTo(new RoutingPolicy(RoutingPolicy.Strategy.LEAST_LOADED, false));
    }

    @Test
    void settingsThatContradictEachOtherAreRejectedWithTheReason() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ClusterPropertyMapper.clusterConfig(bind(Map.of("mpreg.cluster.probe.timeout", "2s"))))
                .withMessageContaining("probeTimeout (PT2S) must be shorter than probeInterval (PT1S)");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ClusterPropertyMapper.quorum(bind(Map.of("mpreg.cluster.quorum", "0"))))
                .withMessage("mpreg.cluster.quorum must be at least 1 but was 0");
    }

    static MpregClusterProperties bind(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values))
                .bindOrCreate("mpreg.cluster", MpregClusterProperties.class);
    }
}
