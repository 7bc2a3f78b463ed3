package io.mpreg.core.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import io.mpreg.core.cluster.Member;
import io.mpreg.core.cluster.MemberStatus;
import io.mpreg.core.fabric.ClusterSettings;
import io.mpreg.core.fabric.NodeCluster;
import org.junit.jupiter.api.Test;

/** A node served by another endpoint joins its cluster once that endpoint's URL is known. */
class MpregNodeClusterJoinTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    @Test
    void aNodeWithoutAListenerOrAdvertisedUrlWaitsForJoinCluster() {
        try (MpregNode node = MpregNode.builder().name("served").listen(false)
                .cluster(ClusterSettings.builder().clusterId("join-test").build()).start()) {
            NodeCluster cluster = node.cluster().orElseThrow();
            assertThat(cluster.members()).isEmpty();

            node.joinCluster("ws://127.0.0.1:41234/mpreg", "http://127.0.0.1:41234/actuator");

            await().atMost(WAIT).untilAsserted(() -> assertThat(cluster.members()).singleElement()
                    .satisfies(self -> {
                        assertThat(self.id()).isEqualTo("served");
                        assertThat(self.info().clientUrl()).isEqualTo("ws://127.0.0.1:41234/mpreg");
                        assertThat(self.info().managementUrl()).isEqualTo("http://127.0.0.1:41234/actuator");
                    }));
            assertThat(cluster.advertisedUrl()).isEqualTo("ws://127.0.0.1:41234/mpreg");
            assertThatIllegalStateException().isThrownBy(() -> node.joinCluster("ws://127.0.0.1:1/mpreg", null))
                    .withMessageContaining("has joined its cluster already");
        }
    }

    @Test
    void aNodeWithItsOwnListenerJoinsWhenItStarts() {
        try (MpregNode node = MpregNode.builder().name("listening").host("127.0.0.1").port(0)
                .cluster(ClusterSettings.builder().clusterId("join-test").build()).start()) {
            await().atMost(WAIT).until(() -> node.cluster().orElseThrow().members().size() == 1);
            assertThatIllegalStateException().isThrownBy(() -> node.joinCluster(node.url(), null));
        }
    }

    @Test
    void leavingMarksTheNodeLeftAndIsIdempotent() {
        try (MpregNode node = MpregNode.builder().name("leaving").host("127.0.0.1").port(0)
                .cluster(ClusterSettings.builder().clusterId("join-test").build()).start()) {
            node.leaveCluster();
            node.leaveCluster();

            await().atMost(WAIT).untilAsserted(() -> assertThat(node.cluster().orElseThrow().members())
                    .extracting(Member::status).containsExactly(MemberStatus.LEFT));
        }
    }

    @Test
    void aNodeThatRunsAloneCannotJoin() {
        try (MpregNode node = MpregNode.builder().listen(false).start()) {
            node.leaveCluster();
            assertThatIllegalStateException().isThrownBy(() -> node.joinCluster("ws://127.0.0.1:1/mpreg", null))
                    .withMessageContaining("has no cluster settings");
        }
    }
}
