package io.mpreg.admin.model;

import java.util.List;

/**
 * The model changed: one cluster was polled (successfully or not).
 *
 * @param snapshot       the whole model after the change
 * @param cluster        the cluster that was polled
 * @param memberChanges  the members of that cluster whose state changed
 */
public record FleetChange(FleetSnapshot snapshot, String cluster, List<MemberChange> memberChanges) {

    public FleetChange {
        memberChanges = List.copyOf(memberChanges);
    }
}
