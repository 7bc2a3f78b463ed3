package io.mpreg.admin.model;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * A member's state as the cluster's failure detector sees it. Nodes report
 * it in lower case ({@code "alive"}, the fabric's wire names); the admin app
 * writes it in capitals and reads either.
 */
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

    /** The state named, in any case. */
    @JsonCreator
    public static MemberStatus of(String name) {
        return valueOf(name.trim().toUpperCase(Locale.ROOT));
    }
}
