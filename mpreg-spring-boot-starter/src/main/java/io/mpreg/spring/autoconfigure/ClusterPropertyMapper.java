package io.mpreg.spring.autoconfigure;

import java.util.List;

import io.mpreg.core.cluster.ClusterConfig;
import io.mpreg.core.cluster.RoutingPolicy;
import io.mpreg.core.fabric.ClusterSettings;
import org.springframework.boot.context.properties.PropertyMapper;
import org.springframework.util.StringUtils;

/** Maps {@code mpreg.cluster.*} onto the core's cluster settings; unset values keep the core defaults. */
final class ClusterPropertyMapper {

    private ClusterPropertyMapper() {
    }

    static ClusterConfig clusterConfig(MpregClusterProperties properties) {
        ClusterConfig.Builder builder = ClusterConfig.builder(clusterId(properties));
        PropertyMapper map = PropertyMapper.get();
        MpregClusterProperties.Probe probe = properties.getProbe();
        map.from(probe.getInterval()).to(builder::probeInterval);
        map.from(probe.getTimeout()).to(builder::probeTimeout);
        map.from(probe.getIndirect()).to(builder::indirectProbes);
        map.from(probe.getSuspicionMultiplier()).to(builder::suspicionMultiplier);
        MpregClusterProperties.Gossip gossip = properties.getGossip();
        map.from(gossip.getInterval()).to(builder::gossipInterval);
        map.from(gossip.getFanout()).to(builder::gossipFanout);
        map.from(gossip.getRetransmitMultiplier()).to(builder::retransmitMultiplier);
        map.from(gossip.getMaxUpdatesPerMessage()).to(builder::maxUpdatesPerMessage);
        map.from(properties.getAntiEntropyInterval()).to(builder::antiEntropyInterval);
        map.from(properties.getJoinRetryInterval()).to(builder::joinRetryInterval);
        map.from(properties.getSeedRefreshInterval()).to(builder::seedRefreshInterval);
        map.from(properties.getDeadRetention()).to(builder::deadRetention);
        return builder.build();
    }

    /**
     * The node's cluster settings. The URLs are given only to a node that joins as it starts;
     * a node served by the web server joins once that server is bound ({@link WebServerClusterJoin}).
     */
    static ClusterSettings clusterSettings(MpregClusterProperties properties, boolean joinsAtStart) {
        List<String> seeds = seeds(properties);
        if (!StringUtils.hasText(properties.getId()) && seeds.isEmpty()) {
            return ClusterSettings.DISABLED;
        }
        ClusterSettings.Builder builder = ClusterSettings.builder()
                .clusterId(clusterId(properties))
                .protocol(clusterConfig(properties))
                .seeds(seeds)
                .routing(routingPolicy(properties));
        if (joinsAtStart) {
            PropertyMapper map = PropertyMapper.get();
            map.from(properties.getAdvertisedUrl()).whenHasText().to(builder::advertisedUrl);
            map.from(properties.getManagementUrl()).whenHasText().to(builder::managementUrl);
        }
        return builder.build();
    }

    /** The cluster id given, or the core's default. */
    static String clusterId(MpregClusterProperties properties) {
        String id = properties.getId();
        return StringUtils.hasText(id) ? id.trim() : ClusterSettings.DEFAULT_CLUSTER_ID;
    }

    static RoutingPolicy routingPolicy(MpregClusterProperties properties) {
        return new RoutingPolicy(properties.getRouting().getStrategy(), properties.getRouting().isPreferLocal());
    }

    /** The seeds given, without blanks (an empty {@code MPREG_CLUSTER_SEEDS} binds as one blank entry). */
    static List<String> seeds(MpregClusterProperties properties) {
        return properties.getSeeds().stream().filter(StringUtils::hasText).map(String::trim).toList();
    }

    /** The quorum, checked: at least this node. */
    static int quorum(MpregClusterProperties properties) {
        int quorum = properties.getQuorum();
        if (quorum < 1) {
            throw new IllegalArgumentException("mpreg.cluster.quorum must be at least 1 but was " + quorum);
        }
        return quorum;
    }
}
