package io.mpreg.core.cluster;

import java.util.Optional;

/**
 * Where a member stands in the SWIM state machine.
 *
 * <p>At the same incarnation a later state in this order overrides an
 * earlier one ({@link #rank()}); a higher incarnation overrides everything.
 * The wire names are part of the fabric protocol and never change.
 */
public enum MemberStatus {
    /** Answers probes. */
    ALIVE("alive"),
    /** Missed a probe; becomes dead unless it refutes within the suspicion timeout. */
    SUSPECT("suspect"),
    /** Declared failed; its functions are gone from the catalog. */
    DEAD("dead"),
    /** Said goodbye; removed at once. */
    LEFT("left");

    private final String wireName;

    MemberStatus(String wireName) {
        this.wireName = wireName;
    }

    /** The name carried on the wire. */
    public String wireName() {
        return wireName;
    }

    /** Precedence among states of the same incarnation: higher overrides lower. */
    public int rank() {
        return ordinal();
    }

    /** Whether a member in this state may run calls and be probed. */
    public boolean isLive() {
        return this == ALIVE || this == SUSPECT;
    }

    /** The status with the given wire name, if any. */
    public static Optional<MemberStatus> ofWireName(String name) {
        for (MemberStatus status : values()) {
            if (status.wireName.equals(name)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }
}
