package io.mpreg.core.cluster;

import java.time.Duration;
import java.util.Objects;

/**
 * The cluster protocol's settings: immutable, validated when built.
 *
 * <p>The defaults suit a LAN (sub-millisecond to few-millisecond round trips)
 * and follow the field-tested SWIM settings of HashiCorp memberlist: one probe
 * per second, half a second to answer, three indirect probes, a suspicion
 * timeout that grows with {@code log10(cluster size)}, gossip five times a
 * second to three members, each update retransmitted
 * {@code retransmitMultiplier * ceil(log10(N + 1))} times.
 *
 * @param clusterId             keeps clusters apart: messages of another cluster are refused
 * @param probeInterval         how often each member probes one other member
 * @param probeTimeout          how long a direct probe waits for its ack before asking others
 * @param indirectProbes        how many members are asked to probe indirectly (k)
 * @param suspicionMultiplier   suspicion timeout = multiplier * max(1, log10(N)) * probe interval
 * @param gossipInterval        how often pending updates are pushed to random members
 * @param gossipFanout          how many members each gossip round reaches
 * @param retransmitMultiplier  each update is sent multiplier * ceil(log10(N + 1)) times by each member
 * @param maxUpdatesPerMessage  bound on the updates piggybacked on one message
 * @param antiEntropyInterval   how often a member compares state digests with a random member
 * @param digestBuckets         buckets of the state digest (a power of two)
 * @param joinRetryInterval     how often a member that knows no one retries its seeds
 * @param seedRefreshInterval   how often seeds are re-resolved and unknown ones joined
 * @param deadRetention         how long dead and left members are remembered (stops stale gossip reviving them)
 * @param viewPublishDelay      how long changes are batched before a new {@link ClusterView} is published
 */
public record ClusterConfig(String clusterId, Duration probeInterval, Duration probeTimeout, int indirectProbes,
        int suspicionMultiplier, Duration gossipInterval, int gossipFanout, int retransmitMultiplier,
        int maxUpdatesPerMessage, Duration antiEntropyInterval, int digestBuckets, Duration joinRetryInterval,
        Duration seedRefreshInterval, Duration deadRetention, Duration viewPublishDelay) {

    public ClusterConfig {
        Objects.requireNonNull(clusterId, "clusterId");
        require(!clusterId.isBlank(), "clusterId must not be blank");
        positive(probeInterval, "probeInterval");
        positive(probeTimeout, "probeTimeout");
        require(probeTimeout.compareTo(probeInterval) < 0,
                "probeTimeout (" + probeTimeout + ") must be shorter than probeInterval (" + probeInterval + ")");
        require(indirectProbes >= 0, "indirectProbes must not be negative, was " + indirectProbes);
        require(suspicionMultiplier >= 1, "suspicionMultiplier must be at least 1, was " + suspicionMultiplier);
        positive(gossipInterval, "gossipInterval");
        require(gossipFanout >= 1, "gossipFanout must be at least 1, was " + gossipFanout);
        require(retransmitMultiplier >= 1, "retransmitMultiplier must be at least 1, was " + retransmitMultiplier);
        require(maxUpdatesPerMessage >= 1, "maxUpdatesPerMessage must be at least 1, was " + maxUpdatesPerMessage);
        positive(antiEntropyInterval, "antiEntropyInterval");
        require(digestBuckets >= 1 && Integer.bitCount(digestBuckets) == 1 && digestBuckets <= 4096,
                "digestBuckets must be a power of two between 1 and 4096, was " + digestBuckets);
        positive(joinRetryInterval, "joinRetryInterval");
        positive(seedRefreshInterval, "seedRefreshInterval");
        positive(deadRetention, "deadRetention");
        Objects.requireNonNull(viewPublishDelay, "viewPublishDelay");
        require(!viewPublishDelay.isNegative(), "viewPublishDelay must not be negative");
    }

    /** A builder with the LAN defaults for the given cluster id. */
    public static Builder builder(String clusterId) {
        return new Builder(clusterId);
    }

    /** The LAN defaults for the given cluster id. */
    public static ClusterConfig defaults(String clusterId) {
        return builder(clusterId).build();
    }

    /** A builder starting from these settings. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** How long a suspect member has to refute before it is declared dead, in a cluster of the given size. */
    public Duration suspicionTimeout(int clusterSize) {
        double scale = Math.max(1.0, Math.log10(Math.max(1, clusterSize)));
        return Duration.ofNanos((long) (suspicionMultiplier * scale * probeInterval.toNanos()));
    }

    /** How many times each member retransmits one update, in a cluster of the given size. */
    public int retransmitLimit(int clusterSize) {
        return retransmitMultiplier * (int) Math.ceil(Math.log10(clusterSize + 1.0));
    }

    /**
     * An upper bound on the time from a member's crash until every live member
     * holds it dead, assuming a lossless network: every member is probed by
     * each other member once per round of {@code N - 1} probe periods, then the
     * probe and suspicion time out and the verdict spreads by gossip.
     */
    public Duration failureDetectionBound(int clusterSize) {
        long rounds = Math.max(1, clusterSize - 1);
        Duration spread = gossipInterval.multipliedBy(2L * retransmitLimit(clusterSize));
        return probeInterval.multipliedBy(rounds + 1).plus(suspicionTimeout(clusterSize)).plus(spread);
    }

    private static void positive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        require(!duration.isNegative() && !duration.isZero(), name + " must be positive, was " + duration);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    /** Builds a {@link ClusterConfig}; each setter checks its value at once. */
    public static final class Builder {
        private String clusterId;
        private Duration probeInterval = Duration.ofSeconds(1);
        private Duration probeTimeout = Duration.ofMillis(500);
        private int indirectProbes = 3;
        private int suspicionMultiplier = 4;
        private Duration gossipInterval = Duration.ofMillis(200);
        private int gossipFanout = 3;
        private int retransmitMultiplier = 4;
        private int maxUpdatesPerMessage = 8;
        private Duration antiEntropyInterval = Duration.ofSeconds(10);
        private int digestBuckets = 64;
        private Duration joinRetryInterval = Duration.ofSeconds(2);
        private Duration seedRefreshInterval = Duration.ofSeconds(30);
        private Duration deadRetention = Duration.ofSeconds(60);
        private Duration viewPublishDelay = Duration.ofMillis(20);

        private Builder(String clusterId) {
            this.clusterId = Objects.requireNonNull(clusterId, "clusterId");
        }

        private Builder(ClusterConfig c) {
            this(c.clusterId);
            probeInterval = c.probeInterval;
            probeTimeout = c.probeTimeout;
            indirectProbes = c.indirectProbes;
            suspicionMultiplier = c.suspicionMultiplier;
            gossipInterval = c.gossipInterval;
            gossipFanout = c.gossipFanout;
            retransmitMultiplier = c.retransmitMultiplier;
            maxUpdatesPerMessage = c.maxUpdatesPerMessage;
            antiEntropyInterval = c.antiEntropyInterval;
            digestBuckets = c.digestBuckets;
            joinRetryInterval = c.joinRetryInterval;
            seedRefreshInterval = c.seedRefreshInterval;
            deadRetention = c.deadRetention;
            viewPublishDelay = c.viewPublishDelay;
        }

        /** Sets the cluster id. */
        public Builder clusterId(String value) {
            require(value != null && !value.isBlank(), "clusterId must not be blank");
            clusterId = value;
            return this;
        }

        /** Sets how often each member probes another. */
        public Builder probeInterval(Duration value) {
            positive(value, "probeInterval");
            probeInterval = value;
            return this;
        }

        /** Sets how long a direct probe waits for its ack. */
        public Builder probeTimeout(Duration value) {
            positive(value, "probeTimeout");
            probeTimeout = value;
            return this;
        }

        /** Sets how many members are asked to probe indirectly. */
        public Builder indirectProbes(int value) {
            require(value >= 0, "indirectProbes must not be negative, was " + value);
            indirectProbes = value;
            return this;
        }

        /** Sets the suspicion multiplier. */
        public Builder suspicionMultiplier(int value) {
            require(value >= 1, "suspicionMultiplier must be at least 1, was " + value);
            suspicionMultiplier = value;
            return this;
        }

        /** Sets how often pending updates are gossiped. */
        public Builder gossipInterval(Duration value) {
            positive(value, "gossipInterval");
            gossipInterval = value;
            return this;
        }

        /** Sets how many members each gossip round reaches. */
        public Builder gossipFanout(int value) {
            require(value >= 1, "gossipFanout must be at least 1, was " + value);
            gossipFanout = value;
            return this;
        }

        /** Sets the retransmit multiplier. */
        public Builder retransmitMultiplier(int value) {
            require(value >= 1, "retransmitMultiplier must be at least 1, was " + value);
            retransmitMultiplier = value;
            return this;
        }

        /** Sets the bound on updates piggybacked per message. */
        public Builder maxUpdatesPerMessage(int value) {
            require(value >= 1, "maxUpdatesPerMessage must be at least 1, was " + value);
            maxUpdatesPerMessage = value;
            return this;
        }

        /** Sets how often digests are compared with a random member. */
        public Builder antiEntropyInterval(Duration value) {
            positive(value, "antiEntropyInterval");
            antiEntropyInterval = value;
            return this;
        }

        /** Sets the number of digest buckets (a power of two up to 4096). */
        public Builder digestBuckets(int value) {
            require(value >= 1 && Integer.bitCount(value) == 1 && value <= 4096,
                    "digestBuckets must be a power of two between 1 and 4096, was " + value);
            digestBuckets = value;
            return this;
        }

        /** Sets how often a lone member retries its seeds. */
        public Builder joinRetryInterval(Duration value) {
            positive(value, "joinRetryInterval");
            joinRetryInterval = value;
            return this;
        }

        /** Sets how often seeds are re-resolved. */
        public Builder seedRefreshInterval(Duration value) {
            positive(value, "seedRefreshInterval");
            seedRefreshInterval = value;
            return this;
        }

        /** Sets how long dead and left members are remembered. */
        public Builder deadRetention(Duration value) {
            positive(value, "deadRetention");
            deadRetention = value;
            return this;
        }

        /** Sets how long changes are batched before a new view is published. */
        public Builder viewPublishDelay(Duration value) {
            Objects.requireNonNull(value, "viewPublishDelay");
            require(!value.isNegative(), "viewPublishDelay must not be negative");
            viewPublishDelay = value;
            return this;
        }

        /** The configuration; checks the settings against each other. */
        public ClusterConfig build() {
            return new ClusterConfig(clusterId, probeInterval, probeTimeout, indirectProbes, suspicionMultiplier,
                    gossipInterval, gossipFanout, retransmitMultiplier, maxUpdatesPerMessage, antiEntropyInterval,
                    digestBuckets, joinRetryInterval, seedRefreshInterval, deadRetention, viewPublishDelay);
        }
    }
}
