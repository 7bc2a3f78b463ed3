package io.mpreg.spring.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.mpreg.core.cluster.RoutingPolicy;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the embedded node joins its cluster, under {@code mpreg.cluster}.
 *
 * <p>The node joins a cluster when {@code id} or {@code seeds} is set, and
 * runs alone otherwise. Protocol settings left unset keep the core defaults of
 * {@link io.mpreg.core.cluster.ClusterConfig} (tuned for a LAN); the Javadoc
 * of each says what that default is.
 */
@ConfigurationProperties("mpreg.cluster")
public class MpregClusterProperties {

    /** The cluster's id; nodes refuse peers of another cluster. Setting it, or seeds, makes the node join a cluster. */
    private @Nullable String id;

    /** Seed URLs (ws://host:port/mpreg) to join through; a DNS name expands to every address it resolves to. */
    private List<String> seeds = new ArrayList<>();

    /** The URL peers and clients reach this node at; derived from the bound port and server.address when unset. */
    private @Nullable String advertisedUrl;

    /** The Actuator URL announced to the cluster; derived from the management port and base path when unset. */
    private @Nullable String managementUrl;

    /** The fewest live members, this node included, for the node to report itself healthy and ready. */
    private int quorum = 1;

    /** How calls are routed among the members that can run them. */
    private final Routing routing = new Routing();

    /** Failure detection (SWIM probes). */
    private final Probe probe = new Probe();

    /** Dissemination of membership and catalog changes. */
    private final Gossip gossip = new Gossip();

    /** How often a digest of the whole state is compared with a random member (default 10s). */
    private @Nullable Duration antiEntropyInterval;

    /** How often a node that knows no live member retries its seeds (default 2s). */
    private @Nullable Duration joinRetryInterval;

    /** How often the seeds are resolved again and unknown ones joined (default 30s). */
    private @Nullable Duration seedRefreshInterval;

    /** How long dead and departed members are remembered, so stale gossip cannot revive them (default 60s). */
    private @Nullable Duration deadRetention;

    public @Nullable String getId() {
        return id;
    }

    public void setId(@Nullable String id) {
        this.id = id;
    }

    public List<String> getSeeds() {
        return seeds;
    }

    public void setSeeds(List<String> seeds) {
        this.seeds = seeds;
    }

    public @Nullable String getAdvertisedUrl() {
        return advertisedUrl;
    }

    public void setAdvertisedUrl(@Nullable String advertisedUrl) {
        this.advertisedUrl = advertisedUrl;
    }

    public @Nullable String getManagementUrl() {
        return managementUrl;
    }

    public void setManagementUrl(@Nullable String managementUrl) {
        this.managementUrl = managementUrl;
    }

    public int getQuorum() {
        return quorum;
    }

    public void setQuorum(int quorum) {
        this.quorum = quorum;
    }

    public Routing getRouting() {
        return routing;
    }

    public Probe getProbe() {
        return probe;
    }

    public Gossip getGossip() {
        return gossip;
    }

    public @Nullable Duration getAntiEntropyInterval() {
        return antiEntropyInterval;
    }

    public void setAntiEntropyInterval(@Nullable Duration antiEntropyInterval) {
        this.antiEntropyInterval = antiEntropyInterval;
    }

    public @Nullable Duration getJoinRetryInterval() {
        return joinRetryInterval;
    }

    public void setJoinRetryInterval(@Nullable Duration joinRetryInterval) {
        this.joinRetryInterval = joinRetryInterval;
    }

    public @Nullable Duration getSeedRefreshInterval() {
        return seedRefreshInterval;
    }

    public void setSeedRefreshInterval(@Nullable Duration seedRefreshInterval) {
        this.seedRefreshInterval = seedRefreshInterval;
    }

    public @Nullable Duration getDeadRetention() {
        return deadRetention;
    }

    public void setDeadRetention(@Nullable Duration deadRetention) {
        this.deadRetention = deadRetention;
    }

    /** The routing policy. */
    public static class Routing {

        /** How to choose among several members that can run a call: random or least-loaded. */
        private RoutingPolicy.Strategy strategy = RoutingPolicy.DEFAULT.strategy();

        /** Whether this node runs a call itself when it can, rather than sending it to a peer. */
        private boolean preferLocal = RoutingPolicy.DEFAULT.preferLocal();

        public RoutingPolicy.Strategy getStrategy() {
            return strategy;
        }

        public void setStrategy(RoutingPolicy.Strategy strategy) {
            this.strategy = strategy;
        }

        public boolean isPreferLocal() {
            return preferLocal;
        }

        public void setPreferLocal(boolean preferLocal) {
            this.preferLocal = preferLocal;
        }
    }

    /** SWIM failure detection. */
    public static class Probe {

        /** How often this node probes one other member (default 1s). */
        private @Nullable Duration interval;

        /** How long a direct probe waits for its ack before asking others to probe (default 500ms). */
        private @Nullable Duration timeout;

        /** How many members are asked to probe a silent member indirectly (default 3). */
        private @Nullable Integer indirect;

        /** Suspicion timeout = this * max(1, log10 N) * probe interval; raise it if pauses cause false deaths (default 4). */
        private @Nullable Integer suspicionMultiplier;

        public @Nullable Duration getInterval() {
            return interval;
        }

        public void setInterval(@Nullable Duration interval) {
            this.interval = interval;
        }

        public @Nullable Duration getTimeout() {
            return timeout;
        }

        public void setTimeout(@Nullable Duration timeout) {
            this.timeout = timeout;
        }

        public @Nullable Integer getIndirect() {
            return indirect;
        }

        public void setIndirect(@Nullable Integer indirect) {
            this.indirect = indirect;
        }

        public @Nullable Integer getSuspicionMultiplier() {
            return suspicionMultiplier;
        }

        public void setSuspicionMultiplier(@Nullable Integer suspicionMultiplier) {
            this.suspicionMultiplier = suspicionMultiplier;
        }
    }

    /** Gossip of membership and catalog changes. */
    public static class Gossip {

        /** How often pending updates are pushed to random members (default 200ms). */
        private @Nullable Duration interval;

        /** How many members each gossip round reaches (default 3). */
        private @Nullable Integer fanout;

        /** Each update is sent this * ceil(log10(N + 1)) times by each member (default 4). */
        private @Nullable Integer retransmitMultiplier;

        /** The most updates piggybacked on one message (default 8). */
        private @Nullable Integer maxUpdatesPerMessage;

        public @Nullable Duration getInterval() {
            return interval;
        }

        public void setInterval(@Nullable Duration interval) {
            this.interval = interval;
        }

        public @Nullable Integer getFanout() {
            return fanout;
        }

        public void setFanout(@Nullable Integer fanout) {
            this.fanout = fanout;
        }

        public @Nullable Integer getRetransmitMultiplier() {
            return retransmitMultiplier;
        }

        public void setRetransmitMultiplier(@Nullable Integer retransmitMultiplier) {
            this.retransmitMultiplier = retransmitMultiplier;
        }

        public @Nullable Integer getMaxUpdatesPerMessage() {
            return maxUpdatesPerMessage;
        }

        public void setMaxUpdatesPerMessage(@Nullable Integer maxUpdatesPerMessage) {
            this.maxUpdatesPerMessage = maxUpdatesPerMessage;
        }
    }
}
