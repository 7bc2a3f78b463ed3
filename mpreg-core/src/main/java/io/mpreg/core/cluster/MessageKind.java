package io.mpreg.core.cluster;

import java.util.Optional;

/**
 * The kinds of cluster (fabric) messages, each with a fixed wire number and name.
 *
 * <p>ONLY APPEND TO THIS LIST: numbers and names are part of the wire format
 * and a test pins them.
 */
public enum MessageKind {
    /** A direct probe; answered with {@link #ACK}. */
    PING(1, "ping"),
    /** Asks the receiver to probe a target on the sender's behalf and relay the ack. */
    PING_REQ(2, "ping-req"),
    /** Answers a probe. */
    ACK(3, "ack"),
    /** A new or returning member announces itself to a seed; answered with the full state. */
    JOIN(4, "join"),
    /** Anti-entropy: per-bucket hashes of the sender's member state. */
    SYNC_DIGEST(5, "sync-digest"),
    /** Anti-entropy: member records of some buckets, possibly asking for the receiver's. */
    SYNC_STATE(6, "sync-state"),
    /** Carries piggybacked updates only. */
    GOSSIP(7, "gossip"),
    /** The receiver belongs to another cluster and refuses the sender. */
    REFUSED(8, "refused"),
    /** Runs one command (arguments resolved) on the receiver, for the sender's request; answered with {@link #CALL_RESULT}. */
    CALL(9, "call"),
    /** The result or error of a {@link #CALL}, sent back on the connection the call arrived on. */
    CALL_RESULT(10, "call-result"),
    /** The sender no longer wants the outcome of a {@link #CALL}: the receiver stops running it and answers nothing. */
    CANCEL(11, "cancel"),
    /** The sender's pub/sub interest: every pattern its local subscriptions listen to, replacing what it sent before. */
    PUBSUB_INTEREST(12, "pubsub-interest"),
    /** A message published on the sender, for the receiver's local subscriptions only (never forwarded again). */
    PUBSUB_PUBLISH(13, "pubsub-publish");

    private final int code;
    private final String wireName;

    MessageKind(int code, String wireName) {
        this.code = code;
        this.wireName = wireName;
    }

    /** The fixed wire number. */
    public int code() {
        return code;
    }

    /** The fixed wire name. */
    public String wireName() {
        return wireName;
    }

    /** The kind with the given wire number, if any. */
    public static Optional<MessageKind> ofCode(int code) {
        for (MessageKind kind : values()) {
            if (kind.code == code) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
