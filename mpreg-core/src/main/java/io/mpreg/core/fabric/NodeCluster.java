package io.mpreg.core.fabric;

import java.util.List;
import java.util.Set;

import io.mpreg.core.cluster.ClusterListener;
import io.mpreg.core.cluster.ClusterView;
import io.mpreg.core.cluster.Member;
import tools.jackson.databind.node.ObjectNode;

/**
 * A clustered node's cluster, as operators and tools see it: the current
 * view, its members, counters, and the description the built-in function
 * {@code mpreg.cluster} answers with. Every read is a lock-free snapshot.
 */
public interface NodeCluster {

    /** The cluster id. */
    String clusterId();

    /** This node's member id. */
    String nodeId();

    /** The URL peers and clients reach this node at. */
    String advertisedUrl();

    /** The latest view of the cluster. */
    ClusterView view();

    /** Every known member in any status, this node included, by id. */
    List<Member> members();

    /** A snapshot of the counters. */
    ClusterStats stats();

    /**
     * The description answered by {@code mpreg.cluster}:
     * {@code {"self": {...}, "members": [...], "functions": [...]}} (see docs/cluster.md).
     */
    ObjectNode describe();

    /** Peer addresses refused for belonging to another cluster, or refusing this node. */
    Set<String> refusedPeers();

    /** Hears of every membership change, on the protocol's thread: must return quickly. */
    void addListener(ClusterListener listener);
}
