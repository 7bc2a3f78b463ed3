package io.mpreg.core.cluster;

import java.util.Objects;

/**
 * One member's state as the cluster knows it, and as it travels in gossip and
 * anti-entropy: identity, incarnation, status and what it announced.
 *
 * <p>Only the member itself raises its incarnation: to refute a suspicion, to
 * come back after being declared dead, or to announce new {@link MemberInfo}.
 * So {@code (incarnation, status rank)} totally orders a member's records and
 * merging is a plain maximum (see {@link #supersedes}).
 *
 * @param id          the member's unique, stable id
 * @param incarnation raised only by the member itself
 * @param status      its liveness
 * @param info        what the member last announced at (or before) this incarnation
 */
public record MemberRecord(String id, long incarnation, MemberStatus status, MemberInfo info) {

    public MemberRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(info, "info");
        if (id.isEmpty()) {
            throw new IllegalArgumentException("member id must not be empty");
        }
        if (incarnation < 0) {
            throw new IllegalArgumentException("incarnation must not be negative, was " + incarnation);
        }
    }

    /** Whether this record overrides {@code other} (which must describe the same member). */
    public boolean supersedes(MemberRecord other) {
        if (incarnation != other.incarnation) {
            return incarnation > other.incarnation;
        }
        return status.rank() > other.status.rank();
    }

    /** The same member at the same incarnation in another status (how suspicion and death are declared). */
    public MemberRecord withStatus(MemberStatus newStatus) {
        return new MemberRecord(id, incarnation, newStatus, info);
    }
}
