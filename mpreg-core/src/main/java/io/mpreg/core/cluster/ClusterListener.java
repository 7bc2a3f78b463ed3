package io.mpreg.core.cluster;

import org.jspecify.annotations.Nullable;

/**
 * Told about every change a node applies to its membership state, on the
 * protocol's thread: must return quickly and must not block.
 */
@FunctionalInterface
public interface ClusterListener {

    /** A listener that ignores everything. */
    ClusterListener NONE = (previous, current) -> { };

    /**
     * A member's record changed.
     *
     * @param previous the record held before, or {@code null} for a newly learned member
     * @param current  the record held now
     */
    void memberChanged(@Nullable MemberRecord previous, MemberRecord current);
}
