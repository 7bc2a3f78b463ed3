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
 */
public record ClusterMessage(String clusterId, String fromId, String fromAddress, int load, ClusterPayload payload,
        List<MemberRecord> gossip) implements WireMessage {

    /** The frame role of cluster messages. */
    public static final String ROLE = "fabric";

    public ClusterMessage {
        Objects.requireNonNull(clusterId, "clusterId");
        Objects.requireNonNull(fromId, "fromId");
        Objects.requireNonNull(fromAddress, "fromAddress");
        Objects.requireNonNull(payload, "payload");
        gossip = List.copyOf(gossip);
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
     * The correlation id of a call or call result; membership messages have none
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
        return null;
    }

    @Override
    public void writeTo(JsonGenerator generator) {
        ClusterMessageCodec.write(this, generator);
    }
}
