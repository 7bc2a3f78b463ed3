package io.mpreg.admin.model;

/** A member's state as the cluster's failure detector sees it. */
public enum MemberStatus {
    /** Answering probes. */
    ALIVE,
    /** Missed probes; not yet declared dead. */
    SUSPECT,
    /** Declared dead by the cluster. */
    DEAD,
    /** Left the cluster gracefully. */
    LEFT;

    /** Whether the member is neither suspected nor gone. */
    public boolean isAlive() {
        return this == ALIVE;
    }

    /** Whether the member is suspected or dead, as opposed to alive or gracefully gone. */
    public boolean isDown() {
        return this == SUSPECT || this == DEAD;
    }
}
