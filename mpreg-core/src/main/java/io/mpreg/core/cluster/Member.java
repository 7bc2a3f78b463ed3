package io.mpreg.core.cluster;

import java.util.Collection;
import java.util.Objects;

/**
 * A member as a {@link ClusterView} shows it.
 *
 * @param record its membership record
 * @param load   its last known load (in-flight calls); 0 when unknown
 * @param local  whether it is the node holding the view
 */
public record Member(MemberRecord record, int load, boolean local) {

    public Member {
        Objects.requireNonNull(record, "record");
    }

    /** The member's id. */
    public String id() {
        return record.id();
    }

    /** The member's status. */
    public MemberStatus status() {
        return record.status();
    }

    /** What the member announced. */
    public MemberInfo info() {
        return record.info();
    }

    /** Whether the member's resources, with the function's own, include every one of {@code locs}. */
    public boolean offersAll(FunctionEntry function, Collection<String> locs) {
        for (String loc : locs) {
            if (!info().resources().contains(loc) && !function.resources().contains(loc)) {
                return false;
            }
        }
        return true;
    }
}
