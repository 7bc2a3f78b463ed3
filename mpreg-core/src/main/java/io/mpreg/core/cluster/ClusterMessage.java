package io.mpreg.core.cluster;

import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import io.mpreg.core.wire.WireMessage;

/**
 * One node-to-node cluster message: a common header, a kind-specific payload
 * and the membership updates piggybacked on it. Travels as one
 * {@code "role": "fabric"} frame; see {@link ClusterMessageCodec} and docs/cluster.md.
 *
 * @param clusterId   the sender's cluster; a receiver of another cluster refuses it
 * @param fromId      the sender's member id
 * @param fromAddress where to answer the sender
 * @param load        the sender's current load (in-flight calls)
 * @param payload     the kind-specific part
 * @param gossip      piggybacked member updates (bounded per message)
 * @param frameBytes  the UTF-8 size of the frame this message was decoded from (0 when built here); for
 *                    traffic counters only, so it takes no part in equality
 */
public record ClusterMessage(String clusterId, String fromId, String fromAddress, int load, ClusterPayload payload,
        List<MemberRecord> gossip, int frameBytes) implements WireMessage {

    /** The frame role of cluster messages. */
    public static final String ROLE = "fabric";

    public ClusterMessage {
        Objects.requireNonNull(clusterId, "clusterId");
        Objects.requireNonNull(fromId, "fromId");
        Objects.requireNonNull(fromAddress, "fromAddress");
        Objects.requireNonNull(payload, "payload");
        gossip = List.copyOf(gossip);
    }

    /** A message built by this node (not decoded from a frame). */
    public ClusterMessage(String clusterId, String fromId, String fromAddress, int load, ClusterPayload payload,
            List<MemberRecord> gossip) {
        this(clusterId, fromId, fromAddress, load, payload, gossip, 0);
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof ClusterMessage that && load == that.load && clusterId.equals(that.clusterId)
                && fromId.equals(that.fromId) && fromAddress.equals(that.fromAddress) && payload.equals(that.payload)
                && gossip.equals(that.gossip);
    }

    @Override
    public int hashCode() {
        return Objects.hash(clusterId, fromId, fromAddress, load, payload, gossip);
    }

    /** The kind of this message. */
    public MessageKind kind() {
        return payload.kind();
    }

    @Override
    public String role() {
        return ROLE;
    }

    /**
     * The correlation id of a call, call result or cancel; membership messages have none
     * (probes carry their own sequence numbers).
     */
    @Override
    public @Nullable String u() {
        if (payload instanceof ClusterPayload.Call call) {
            return call.u();
        }
        if (payload instanceof ClusterPayload.CallResult result) {
            return result.u();
        }
        if (payload instanceof ClusterPayload.Cancel cancel) {
            return cancel.u();
        }
        return null;
    }

    @Override
    public void writeTo(JsonGenerator generator) {
        ClusterMessageCodec.write(this, generator);
    }
}
