package io.mpreg.spring.autoconfigure;

import java.util.Map;
import java.util.Objects;

import io.mpreg.core.cluster.MemberStatus;
import io.mpreg.core.fabric.NodeCluster;
import io.mpreg.core.node.MpregNode;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * The cluster as the node sees it: how many members are alive, suspect, dead
 * and gone. {@code OUT_OF_SERVICE} while fewer members than the quorum are
 * live (alive or suspect, this node included): the process works but is cut
 * off from its cluster, or has not joined yet, so it should take no traffic.
 * Put it in the readiness group, not liveness: restarting an isolated node
 * does not reconnect it.
 */
final class ClusterHealthIndicator implements HealthIndicator {

    private final MpregNode node;
    private final int quorum;

    ClusterHealthIndicator(MpregNode node, int quorum) {
        this.node = Objects.requireNonNull(node, "node");
        this.quorum = quorum;
    }

    @Override
    public Health health() {
        NodeCluster cluster = node.cluster().orElse(null);
        if (cluster == null) {
            return Health.up().withDetail("clustered", false).build();
        }
        Map<MemberStatus, Integer> members = cluster.stats().membersByStatus();
        int alive = members.getOrDefault(MemberStatus.ALIVE, 0);
        int suspect = members.getOrDefault(MemberStatus.SUSPECT, 0);
        int live = alive + suspect;
        return Health.status(live >= quorum ? Status.UP : Status.OUT_OF_SERVICE)
                .withDetail("cluster", cluster.clusterId())
                .withDetail("node", cluster.nodeId())
                .withDetail("alive", alive)
                .withDetail("suspect", suspect)
                .withDetail("dead", members.getOrDefault(MemberStatus.DEAD, 0))
                .withDetail("left", members.getOrDefault(MemberStatus.LEFT, 0))
                .withDetail("quorum", quorum)
                .build();
    }
}
