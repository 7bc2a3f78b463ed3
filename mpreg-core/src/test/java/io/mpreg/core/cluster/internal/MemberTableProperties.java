package io.mpreg.core.cluster.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import io.mpreg.core.cluster.MemberInfo;
import io.mpreg.core.cluster.MemberRecord;
import io.mpreg.core.cluster.MemberStatus;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The open-addressed member table against a plain HashMap as the reference. */
class MemberTableProperties {

    @Property(tries = 300)
    void behavesLikeAMapUnderPutsAndRemoves(@ForAll("operations") List<String> operations) {
        MemberTable table = new MemberTable(8);
        Map<String, MemberRecord> reference = new HashMap<>();
        long incarnation = 0;
        for (String op : operations) {
            String id = op.substring(1);
            if (op.charAt(0) == '+') {
                MemberRecord record = new MemberRecord(id, incarnation++, MemberStatus.ALIVE, MemberInfo.at(id));
                table.put(record);
                reference.put(id, record);
            } else {
                table.remove(id);
                reference.remove(id);
            }
        }
        assertThat(table.size()).isEqualTo(reference.size());
        for (MemberRecord record : reference.values()) {
            assertThat(table.get(record.id())).isEqualTo(record);
        }
        assertThat(table.toArray()).containsExactlyInAnyOrderElementsOf(reference.values());
        MemberTable rebuilt = new MemberTable(8);
        reference.values().forEach(rebuilt::put);
        assertThat(table.digest()).isEqualTo(rebuilt.digest());
    }

    @Property(tries = 100)
    void randomMatchingReturnsDistinctMembersPassingTheFilter(@ForAll("operations") List<String> operations,
            @ForAll long seed) {
        MemberTable table = new MemberTable(8);
        operations.stream().filter(op -> op.charAt(0) == '+').forEach(op ->
                table.put(new MemberRecord(op.substring(1), 0, MemberStatus.ALIVE, MemberInfo.at(op))));
        List<MemberRecord> picked = table.randomMatching(3, r -> !r.id().endsWith("1"), new Random(seed));
        Set<String> ids = new HashSet<>();
        picked.forEach(r -> assertThat(ids.add(r.id())).isTrue());
        assertThat(picked).allSatisfy(r -> assertThat(r.id()).doesNotEndWith("1"));
        long eligible = table.size() - java.util.Arrays.stream(table.toArray()).filter(r -> r.id().endsWith("1")).count();
        assertThat(picked).hasSize((int) Math.min(3, eligible));
    }

    @Provide
    Arbitrary<List<String>> operations() {
        return Arbitraries.strings().withChars('+', '-').ofLength(1)
                .flatMap(sign -> Arbitraries.integers().between(0, 60).map(n -> sign + "m" + n))
                .list().ofMaxSize(200);
    }
}
