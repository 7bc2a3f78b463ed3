package io.mpreg.core.cluster;

import java.util.List;
import java.util.Objects;
import java.util.Set;

import io.mpreg.core.pubsub.PubSubMessage;
import io.mpreg.core.pubsub.TopicPattern;
import io.mpreg.core.wire.CommandSpec;
import io.mpreg.core.wire.ErrorBody;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** The kind-specific part of a {@link ClusterMessage}. */
public sealed interface ClusterPayload {

    /** The kind of message this payload makes. */
    MessageKind kind();

    /**
     * A direct probe.
     *
     * @param seq      echoed by the ack
     * @param targetId the member the sender means to probe (a restarted node at the same address under another id ignores it)
     */
    record Ping(long seq, String targetId) implements ClusterPayload {
        public Ping {
            Objects.requireNonNull(targetId, "targetId");
        }

        @Override
        public MessageKind kind() {
            return MessageKind.PING;
        }
    }

    /**
     * Asks the receiver to probe a member and relay the ack.
     *
     * @param seq           the requester's probe number, echoed in the relayed ack
     * @param targetId      the member to probe
     * @param targetAddress where to reach it
     */
    record PingRequest(long seq, String targetId, String targetAddress) implements ClusterPayload {
        public PingRequest {
            Objects.requireNonNull(targetId, "targetId");
            Objects.requireNonNull(targetAddress, "targetAddress");
        }

        @Override
        public MessageKind kind() {
            return MessageKind.PING_REQ;
        }
    }

    /**
     * Answers a probe, directly or relayed.
     *
     * @param seq the probe number being answered
     */
    record Ack(long seq) implements ClusterPayload {
        @Override
        public MessageKind kind() {
            return MessageKind.ACK;
        }
    }

    /**
     * A member announces itself to a seed.
     *
     * @param self the joining member's own record
     */
    record Join(MemberRecord self) implements ClusterPayload {
        public Join {
            Objects.requireNonNull(self, "self");
        }

        @Override
        public MessageKind kind() {
            return MessageKind.JOIN;
        }
    }

    /**
     * Anti-entropy digest: for each bucket of member ids, a hash of the live
     * members' {@code (id, incarnation, status)}. Equal digests mean nothing to exchange.
     *
     * @param buckets one hash per bucket
     */
    record SyncDigest(List<Long> buckets) implements ClusterPayload {
        public SyncDigest {
            buckets = List.copyOf(buckets);
        }

        @Override
        public MessageKind kind() {
            return MessageKind.SYNC_DIGEST;
        }
    }

    /**
     * Anti-entropy state: the sender's records of some buckets (all buckets
     * when answering a join), and the buckets it wants back.
     *
     * @param records     the sender's member records in the compared buckets
     * @param wantBuckets buckets whose records the receiver should send back (empty: none)
     */
    record SyncState(List<MemberRecord> records, List<Integer> wantBuckets) implements ClusterPayload {
        public SyncState {
            records = List.copyOf(records);
            wantBuckets = List.copyOf(wantBuckets);
        }

        @Override
        public MessageKind kind() {
            return MessageKind.SYNC_STATE;
        }
    }

    /** Carries only the piggybacked updates of its message. */
    record Gossip() implements ClusterPayload {
        @Override
        public MessageKind kind() {
            return MessageKind.GOSSIP;
        }
    }

    /**
     * The sender refuses the receiver (another cluster).
     *
     * @param reason why, for the receiver's log
     */
    record Refused(String reason) implements ClusterPayload {
        public Refused {
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public MessageKind kind() {
            return MessageKind.REFUSED;
        }
    }

    /**
     * Runs one command on the receiver on behalf of a request of the sender.
     * The receiver runs it itself (never routes it further, so calls cannot loop).
     *
     * @param u             the call's correlation id, echoed by the result
     * @param command       the command with every reference already substituted
     * @param timeoutMillis the time left to the request when the call was sent (at least 1)
     */
    record Call(String u, CommandSpec command, long timeoutMillis) implements ClusterPayload {
        public Call {
            Objects.requireNonNull(u, "u");
            Objects.requireNonNull(command, "command");
            if (timeoutMillis < 1) {
                throw new IllegalArgumentException("timeoutMillis must be at least 1, was " + timeoutMillis);
            }
        }

        @Override
        public MessageKind kind() {
            return MessageKind.CALL;
        }
    }

    /**
     * The outcome of a {@link Call}: its result, or its error.
     *
     * @param u      the id of the call this answers
     * @param result the command's result when it succeeded ({@code null} on failure)
     * @param error  the failure, or {@code null} on success
     */
    record CallResult(String u, @Nullable JsonNode result, @Nullable ErrorBody error) implements ClusterPayload {
        public CallResult {
            Objects.requireNonNull(u, "u");
            if ((result == null) == (error == null)) {
                throw new IllegalArgumentException("exactly one of result and error must be set");
            }
        }

        @Override
        public MessageKind kind() {
            return MessageKind.CALL_RESULT;
        }
    }

    /**
     * Withdraws a {@link Call}: the request it served failed or was cancelled,
     * so the receiver disposes of the running invocation (no result is sent).
     *
     * @param u the id of the call to stop
     */
    record Cancel(String u) implements ClusterPayload {
        public Cancel {
            Objects.requireNonNull(u, "u");
        }

        @Override
        public MessageKind kind() {
            return MessageKind.CANCEL;
        }
    }

    /**
     * The sender's whole pub/sub interest. Announcements of one sender are ordered by
     * {@code (epoch, generation)}: a receiver keeps the latest and ignores older ones.
     *
     * @param epoch      chosen at random when the sender's fabric starts, so a restarted node's
     *                   announcements replace those of its previous life
     * @param generation grows with every change the sender announces during one epoch
     * @param patterns   the distinct patterns of the sender's local subscriptions
     * @param ask        whether the receiver should answer with its own interest (sent to a peer just seen alive)
     */
    record PubSubInterest(long epoch, long generation, Set<TopicPattern> patterns, boolean ask)
            implements ClusterPayload {
        public PubSubInterest {
            patterns = Set.copyOf(patterns);
        }

        @Override
        public MessageKind kind() {
            return MessageKind.PUBSUB_INTEREST;
        }
    }

    /**
     * A message published on the sender, for the receiver's matching local subscriptions.
     *
     * @param message the message, stamped by the node it was published on
     */
    record PubSubPublish(PubSubMessage message) implements ClusterPayload {
        public PubSubPublish {
            Objects.requireNonNull(message, "message");
        }

        @Override
        public MessageKind kind() {
            return MessageKind.PUBSUB_PUBLISH;
        }
    }
}
