package io.mpreg.admin.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * One watched cluster at one poll.
 *
 * <p>Peer links are derived, not reported: MPREG nodes keep a link to every
 * other live member (the membership protocol is a full mesh), so the
 * topology shows a link between every two alive members
 * ({@link #peerLinks()} says so; {@link #links()} lists them).
 *
 * @param name       the watched cluster's configured name
 * @param region     its configured region, if any
 * @param polledAt   when this poll finished
 * @param reachable  whether any seed answered this poll; when not, the members are those of the last good poll
 * @param error      why the poll failed, if it did
 * @param reportedBy the id of the node that answered
 * @param nodes      every member, sorted by id
 * @param functions  the catalog, sorted by name
 * @param peerLinks  how links between members are known
 */
public record ClusterSnapshot(String name, @Nullable String region, Instant polledAt, boolean reachable,
        @Nullable String error, @Nullable String reportedBy, List<NodeView> nodes, List<FunctionView> functions,
        PeerLinks peerLinks) {

    /** How the links between members are known. */
    public enum PeerLinks {
        /** Every two alive members are linked (MPREG's full mesh); not reported by the nodes. */
        DERIVED_FULL_MESH
    }

    /** A link between two members, {@code from} sorting before {@code to}. */
    public record Link(String from, String to) {
    }

    public ClusterSnapshot {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(polledAt, "polledAt");
        nodes = List.copyOf(nodes);
        functions = List.copyOf(functions);
        Objects.requireNonNull(peerLinks, "peerLinks");
    }

    /** A cluster not polled yet: no members, not reachable. */
    public static ClusterSnapshot notPolledYet(String name, @Nullable String region, Instant now) {
        return new ClusterSnapshot(name, region, now, false, "not polled yet", null, List.of(), List.of(),
                PeerLinks.DERIVED_FULL_MESH);
    }

    /** This snapshot after a failed poll: the last known members, marked unreachable with the reason. */
    public ClusterSnapshot unreachable(String reason, Instant now) {
        return new ClusterSnapshot(name, region, now, false, reason, reportedBy, nodes, functions, peerLinks);
    }

    /** The member with this id. */
    public Optional<NodeView> node(String id) {
        return nodes.stream().filter(node -> node.id().equals(id)).findFirst();
    }

    /** How many members are alive. */
    public long liveMembers() {
        return nodes.stream().filter(node -> node.status().isAlive()).count();
    }

    /** Every link between two alive members (n(n-1)/2 of them). */
    public List<Link> links() {
        List<NodeView> alive = nodes.stream().filter(node -> node.status().isAlive()).toList();
        List<Link> links = new ArrayList<>();
        for (int i = 0; i < alive.size(); i++) {
            for (int j = i + 1; j < alive.size(); j++) {
                links.add(new Link(alive.get(i).id(), alive.get(j).id()));
            }
        }
        return links;
    }
}
