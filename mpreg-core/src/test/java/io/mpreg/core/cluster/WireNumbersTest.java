package io.mpreg.core.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Pins the fabric's wire numbers and names: they are append-only. */
class WireNumbersTest {

    @Test
    void messageKindsKeepTheirNumbersAndNames() {
        Map<Integer, String> pinned = new LinkedHashMap<>();
        pinned.put(1, "ping");
        pinned.put(2, "ping-req");
        pinned.put(3, "ack");
        pinned.put(4, "join");
        pinned.put(5, "sync-digest");
        pinned.put(6, "sync-state");
        pinned.put(7, "gossip");
        pinned.put(8, "refused");
        pinned.put(9, "call");
        pinned.put(10, "call-result");
        pinned.put(11, "cancel");
        pinned.put(12, "pubsub-interest");
        pinned.put(13, "pubsub-publish");
        Map<Integer, String> actual = new LinkedHashMap<>();
        Arrays.stream(MessageKind.values()).forEach(k -> actual.put(k.code(), k.wireName()));
        assertThat(actual).containsExactlyEntriesOf(pinned);
        assertThat(MessageKind.ofCode(6)).contains(MessageKind.SYNC_STATE);
        assertThat(MessageKind.ofCode(99)).isEmpty();
    }

    @Test
    void memberStatusesKeepTheirNamesAndPrecedence() {
        assertThat(Arrays.stream(MemberStatus.values()).map(MemberStatus::wireName))
                .containsExactly("alive", "suspect", "dead", "left");
        assertThat(MemberStatus.ALIVE.rank()).isLessThan(MemberStatus.SUSPECT.rank());
        assertThat(MemberStatus.SUSPECT.rank()).isLessThan(MemberStatus.DEAD.rank());
        assertThat(MemberStatus.DEAD.rank()).isLessThan(MemberStatus.LEFT.rank());
    }
}
