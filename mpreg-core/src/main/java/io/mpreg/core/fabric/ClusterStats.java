package io.mpreg.core.fabric;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

import io.mpreg.core.cluster.MemberStatus;

/**
 * A snapshot of a clustered node's counters, for metrics (the starter binds
 * them to Micrometer). Counters grow from the node's start.
 *
 * @param membersByStatus  how many members this node holds in each status (itself included)
 * @param messagesSent     membership (fabric) messages sent to peers, calls excluded
 * @param messagesReceived membership messages received from peers, calls excluded
 * @param bytesSent        UTF-8 bytes of the frames of those sent messages
 * @param bytesReceived    UTF-8 bytes of the frames of those received messages
 * @param probeRtt         round trips of direct probes (ping to ack)
 * @param remoteCalls      calls this node sent to peers, by peer id, then by outcome ({@code success},
 *                         {@code cancelled} or an error kind in lower case, e.g. {@code node_lost})
 */
public record ClusterStats(Map<MemberStatus, Integer> membersByStatus, long messagesSent, long messagesReceived,
        long bytesSent, long bytesReceived, Rtt probeRtt, Map<String, Map<String, Long>> remoteCalls) {

    public ClusterStats {
        membersByStatus = Map.copyOf(membersByStatus);
        Objects.requireNonNull(probeRtt, "probeRtt");
        remoteCalls = Map.copyOf(remoteCalls);
    }

    /**
     * A summary of measured round trips (quantiles are upper bounds of power-of-two microsecond buckets).
     *
     * @param count how many were measured
     * @param p50   the median
     * @param p99   the 99th percentile
     * @param max   the largest bucket seen
     */
    public record Rtt(long count, Duration p50, Duration p99, Duration max) {
        public Rtt {
            Objects.requireNonNull(p50, "p50");
            Objects.requireNonNull(p99, "p99");
            Objects.requireNonNull(max, "max");
        }
    }
}
