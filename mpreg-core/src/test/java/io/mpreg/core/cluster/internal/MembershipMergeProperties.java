package io.mpreg.core.cluster.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;

import io.mpreg.core.cluster.FunctionEntry;
import io.mpreg.core.cluster.MemberInfo;
import io.mpreg.core.cluster.MemberRecord;
import io.mpreg.core.cluster.MemberStatus;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Catalog and membership merge: the same updates, delivered in any order and
 * any number of times (gossip deltas and anti-entropy alike), leave every node
 * with the same state, and that state's digest agrees.
 */
class MembershipMergeProperties {

    @Property(tries = 300)
    void anyOrderAndDuplicationConvergesToTheSameState(@ForAll("updates") List<MemberRecord> updates,
            @ForAll long shuffleSeed) {
        Membership inOrder = fresh();
        updates.forEach(u -> inOrder.merge(u, true, 0));

        List<MemberRecord> shuffled = new ArrayList<>(updates);
        shuffled.addAll(updates.subList(0, updates.size() / 2));
        Collections.shuffle(shuffled, new Random(shuffleSeed));
        Membership anyOrder = fresh();
        shuffled.forEach(u -> anyOrder.merge(u, false, 0));

        assertThat(state(anyOrder)).isEqualTo(state(inOrder));
        assertThat(anyOrder.table().digest()).isEqualTo(inOrder.table().digest());
    }

    @Property(tries = 200)
    void antiEntropyBetweenTwoNodesMakesThemEqual(@ForAll("updates") List<MemberRecord> updates,
            @ForAll long splitSeed) {
        Membership a = fresh();
        Membership b = fresh();
        Random random = new Random(splitSeed);
        for (MemberRecord update : updates) {
            (random.nextBoolean() ? a : b).merge(update, true, 0);
        }
        AntiEntropy ofA = new AntiEntropy(a);
        AntiEntropy ofB = new AntiEntropy(b);
        var answer = ofB.answer(ofA.digest());
        if (answer != null) {
            answer.records().forEach(r -> a.merge(r, false, 0));
            var back = ofA.requested(answer.wantBuckets());
            if (back != null) {
                back.records().forEach(r -> b.merge(r, false, 0));
            }
        }
        assertThat(liveState(a)).isEqualTo(liveState(b));
        assertThat(ofB.answer(ofA.digest())).isNull();
    }

    @Provide
    Arbitrary<List<MemberRecord>> updates() {
        Arbitrary<MemberRecord> record = Combinators.combine(
                Arbitraries.of("a", "b", "c", "d", "e", "f"),
                Arbitraries.longs().between(0, 4),
                Arbitraries.of(MemberStatus.class))
                .as((id, incarnation, status) -> new MemberRecord(id, incarnation, status, infoOf(id, incarnation)));
        return record.list().ofMaxSize(40);
    }

    /**
     * Only a member raises its own incarnation, and it does so whenever its
     * information changes: so one (id, incarnation) always carries one info.
     */
    private static MemberInfo infoOf(String id, long incarnation) {
        return MemberInfo.at("sim://" + id).withFunction(FunctionEntry.of("fn-" + id + "@" + incarnation, "1"));
    }

    private static Membership fresh() {
        return new Membership(new MemberRecord("self", 0, MemberStatus.ALIVE, MemberInfo.at("sim://self")),
                new MemberTable(16), new BroadcastQueue(), (previous, current) -> { });
    }

    private static TreeMap<String, MemberRecord> state(Membership membership) {
        TreeMap<String, MemberRecord> state = new TreeMap<>();
        membership.table().forEach(r -> state.put(r.id(), r));
        return state;
    }

    private static TreeMap<String, MemberRecord> liveState(Membership membership) {
        TreeMap<String, MemberRecord> state = new TreeMap<>();
        membership.table().forEach(r -> {
            if (r.status().isLive()) {
                state.put(r.id(), r);
            }
        });
        return state;
    }
}
