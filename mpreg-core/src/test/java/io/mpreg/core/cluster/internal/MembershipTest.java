package io.mpreg.core.cluster.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import io.mpreg.core.cluster.FunctionEntry;
import io.mpreg.core.cluster.MemberInfo;
import io.mpreg.core.cluster.MemberRecord;
import io.mpreg.core.cluster.MemberStatus;
import org.junit.jupiter.api.Test;

/** The SWIM state machine: transitions, incarnation refutation, goodbye, reaping. */
class MembershipTest {

    private final BroadcastQueue broadcasts = new BroadcastQueue();
    private final List<MemberRecord> changes = new ArrayList<>();
    private final Membership membership = new Membership(record("self", 0, MemberStatus.ALIVE), new MemberTable(8),
            broadcasts, (previous, current) -> changes.add(current));

    static MemberRecord record(String id, long incarnation, MemberStatus status) {
        return new MemberRecord(id, incarnation, status, MemberInfo.at("sim://" + id));
    }

    @Test
    void newLiveMemberIsAddedAndSpread() {
        assertThat(membership.merge(record("b", 0, MemberStatus.ALIVE), true, 0)).isNotNull();
        assertThat(membership.liveCount()).isEqualTo(2);
        assertThat(broadcasts.take(10, 5)).extracting(MemberRecord::id).containsExactly("b");
    }

    @Test
    void aliveBecomesSuspectThenDeadAtTheSameIncarnation() {
        membership.merge(record("b", 3, MemberStatus.ALIVE), false, 0);
        assertThat(membership.merge(record("b", 3, MemberStatus.SUSPECT), true, 0)).isNotNull();
        assertThat(membership.merge(record("b", 3, MemberStatus.DEAD), true, 0)).isNotNull();
        assertThat(membership.table().get("b").status()).isEqualTo(MemberStatus.DEAD);
        assertThat(membership.liveCount()).isEqualTo(1);
    }

    @Test
    void staleAliveCannotUndoASuspicionButAHigherIncarnationCan() {
        membership.merge(record("b", 3, MemberStatus.SUSPECT), false, 0);
        assertThat(membership.merge(record("b", 3, MemberStatus.ALIVE), true, 0)).isNull();
        assertThat(membership.merge(record("b", 4, MemberStatus.ALIVE), true, 0)).isNotNull();
        assertThat(membership.table().get("b").status()).isEqualTo(MemberStatus.ALIVE);
    }

    @Test
    void deathOfAnUnknownMemberIsKeptAsATombstoneThatAStaleAliveCannotRevive() {
        assertThat(membership.merge(record("ghost", 2, MemberStatus.DEAD), true, 0)).isNotNull();
        assertThat(membership.liveCount()).isEqualTo(1);
        assertThat(membership.merge(record("ghost", 2, MemberStatus.ALIVE), true, 0)).isNull();
        assertThat(membership.reap(100, 100)).containsExactly("ghost");
    }

    @Test
    void suspicionOfThisNodeIsRefutedWithAHigherIncarnation() {
        membership.merge(record("self", 0, MemberStatus.SUSPECT), true, 0);
        assertThat(membership.self().incarnation()).isEqualTo(1);
        assertThat(membership.self().status()).isEqualTo(MemberStatus.ALIVE);
        assertThat(broadcasts.take(10, 5)).containsExactly(membership.self());
    }

    @Test
    void nodeDeclaredDeadInAFormerLifeComesBackAboveThatIncarnation() {
        membership.merge(record("self", 9, MemberStatus.DEAD), false, 0);
        assertThat(membership.self().incarnation()).isEqualTo(10);
        assertThat(membership.self().status()).isEqualTo(MemberStatus.ALIVE);
    }

    @Test
    void goodbyeMarksThisNodeLeftAndStopsRefuting() {
        MemberRecord left = membership.leave(0);
        assertThat(left.status()).isEqualTo(MemberStatus.LEFT);
        membership.merge(record("self", 0, MemberStatus.DEAD), true, 0);
        assertThat(membership.self()).isEqualTo(left);
    }

    @Test
    void leftOverridesEverythingAtItsIncarnation() {
        membership.merge(record("b", 2, MemberStatus.SUSPECT), false, 0);
        assertThat(membership.merge(record("b", 2, MemberStatus.LEFT), true, 0)).isNotNull();
        assertThat(membership.merge(record("b", 2, MemberStatus.DEAD), true, 0)).isNull();
    }

    @Test
    void announcingNewFunctionsRaisesTheIncarnation() {
        MemberRecord announced = membership.announce(
                membership.self().info().withFunction(FunctionEntry.of("f", "1.0.0")), 0);
        assertThat(announced.incarnation()).isEqualTo(1);
        assertThat(membership.table().get("self")).isEqualTo(announced);
    }

    @Test
    void membersGoneLongerThanTheRetentionAreForgotten() {
        membership.merge(record("b", 0, MemberStatus.ALIVE), false, 0);
        membership.merge(record("b", 0, MemberStatus.DEAD), false, 100);
        assertThat(membership.reap(150, 100)).isEmpty();
        assertThat(membership.reap(200, 100)).containsExactly("b");
        assertThat(membership.table().get("b")).isNull();
    }

    @Test
    void sameRecordTwiceChangesNothingTheSecondTime() {
        membership.merge(record("b", 1, MemberStatus.ALIVE), true, 0);
        changes.clear();
        assertThat(membership.merge(record("b", 1, MemberStatus.ALIVE), true, 0)).isNull();
        assertThat(changes).isEmpty();
    }
}
