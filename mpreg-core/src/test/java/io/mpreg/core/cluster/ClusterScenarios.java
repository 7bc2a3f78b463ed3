package io.mpreg.core.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The cluster's behaviour, written once and run on every transport a
 * subclass provides through {@link #harness()}.
 */
abstract class ClusterScenarios {

    static final String CLUSTER = "scenarios";
    static final int SIZE = 10;
    static final ClusterConfig CONFIG = ClusterConfig.defaults(CLUSTER);

    ClusterHarness harness;
    List<ClusterNode> nodes;

    /** A fresh harness for one scenario. */
    abstract ClusterHarness harness();

    /** The protocol settings of the scenario's nodes. */
    ClusterConfig config() {
        return CONFIG;
    }

    /**
     * How the scenario's fixed waits (those that must pass in full, such as a minute without a false
     * death) scale with the config's timings (1: the defaults). Waits for a condition to hold keep
     * their bound: they end as soon as it holds.
     */
    double timeScale() {
        return 1.0;
    }

    /** How long a goodbye may take to reach every member (one network latency). */
    Duration goodbyeBound() {
        return Duration.ofMillis(200);
    }

    Duration scaled(Duration duration) {
        return Duration.ofNanos((long) (duration.toNanos() * timeScale()));
    }

    @org.junit.jupiter.api.AfterEach
    void stopCluster() {
        if (harness instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @BeforeEach
    void startCluster() {
        harness = harness();
        nodes = new ArrayList<>();
        for (int i = 0; i < SIZE; i++) {
            nodes.add(harness.start(id(i), config(), i == 0 ? List.of() : List.of(id(0)),
                    List.of(FunctionEntry.of("fn-" + i, "1.0.0"))));
        }
    }

    @Test
    void tenNodesJoiningThroughOneSeedAllSeeEveryMemberAndFunction() {
        assertThat(harness.await(this::everyoneSeesEveryoneAndEveryFunction, Duration.ofSeconds(10))).isTrue();
    }

    @Test
    void clusterConvergesOnANetworkLosingTenPercentOfMessages() {
        harness.setLoss(0.10);
        assertThat(harness.await(this::everyoneSeesEveryoneAndEveryFunction, Duration.ofSeconds(30))).isTrue();
        assertThat(harness.await(() -> !everyoneSeesEveryoneLive(), scaled(Duration.ofSeconds(60))))
                .as("no member falsely declared dead during a minute at 10%% loss").isFalse();
    }

    @Test
    void partitionedHalvesDeclareEachOtherDeadThenMergeAfterHealing() {
        converge();
        Set<String> left = ids(0, SIZE / 2);
        Set<String> right = ids(SIZE / 2, SIZE);
        harness.partition(left, right);
        assertThat(harness.await(() -> seesAsGone(nodes.get(0), right) && seesAsGone(nodes.get(SIZE - 1), left),
                Duration.ofSeconds(60))).isTrue();
        harness.heal();
        assertThat(harness.await(this::everyoneSeesEveryoneAndEveryFunction, Duration.ofSeconds(60))).isTrue();
    }

    @Test
    void killedNodeIsDeclaredDeadByAllOthersWithinTheDetectionBound() {
        converge();
        Duration killedAt = harness.now();
        harness.kill(id(3));
        boolean detected = harness.await(() -> allOthersSee(id(3), MemberStatus.DEAD),
                config().failureDetectionBound(SIZE));
        assertThat(detected).as("dead everywhere within %s", config().failureDetectionBound(SIZE)).isTrue();
        assertThat(harness.now().minus(killedAt)).isLessThanOrEqualTo(config().failureDetectionBound(SIZE));
        assertThat(nodes.get(0).view().offers("fn-3")).isEmpty();
    }

    @Test
    void gracefulGoodbyeRemovesTheNodeEverywhereAtOnce() {
        converge();
        harness.leave(id(4));
        assertThat(harness.await(() -> allOthersSee(id(4), MemberStatus.LEFT), goodbyeBound())).isTrue();
        assertThat(nodes.get(1).view().offers("fn-4")).isEmpty();
    }

    @Test
    void killedNodeRestartsAndRejoinsUnderAHigherIncarnation() {
        converge();
        harness.kill(id(5));
        assertThat(harness.await(() -> allOthersSee(id(5), MemberStatus.DEAD), Duration.ofSeconds(60))).isTrue();
        ClusterNode restarted = harness.restart(id(5), List.of(FunctionEntry.of("fn-5", "2.0.0")));
        nodes.set(5, restarted);
        assertThat(harness.await(this::everyoneSeesEveryoneAndEveryFunction, Duration.ofSeconds(30))).isTrue();
        assertThat(nodes.get(0).view().offers("fn-5")).singleElement()
                .satisfies(offer -> assertThat(offer.function().version()).isEqualTo("2.0.0"));
        assertThat(nodes.get(0).view().member(id(5)).record().incarnation()).isPositive();
    }

    @Test
    void functionRegisteredAtRuntimeReachesEveryNodeAndItsRemovalToo() {
        converge();
        nodes.get(7).registerFunction(FunctionEntry.of("late", "1.0.0"));
        assertThat(harness.await(() -> nodes.stream().allMatch(n -> n.view().offers("late").size() == 1),
                Duration.ofSeconds(5))).isTrue();
        nodes.get(7).removeFunction("late");
        assertThat(harness.await(() -> nodes.stream().allMatch(n -> n.view().offers("late").isEmpty()),
                Duration.ofSeconds(5))).isTrue();
    }

    @Test
    void peerOfAnotherClusterIsRefusedAndNeverJoins() {
        converge();
        ClusterConfig otherCluster = config().toBuilder().clusterId("other-cluster").build();
        ClusterNode stranger = harness.start("stranger", otherCluster, List.of(id(0)),
                List.of(FunctionEntry.of("alien", "1.0.0")));
        harness.await(() -> false, scaled(Duration.ofSeconds(5)));
        assertThat(nodes.get(0).refusedPeers()).contains(stranger.address());
        assertThat(stranger.refusedPeers()).contains(nodes.get(0).address());
        assertThat(nodes).allSatisfy(n -> assertThat(n.view().member("stranger")).isNull());
        assertThat(stranger.view().members()).containsOnlyKeys("stranger");
    }

    void converge() {
        assertThat(harness.await(this::everyoneSeesEveryoneAndEveryFunction, Duration.ofSeconds(10))).isTrue();
    }

    boolean everyoneSeesEveryoneAndEveryFunction() {
        for (ClusterNode node : nodes) {
            ClusterView view = node.view();
            if (view.liveMembers().size() != SIZE || view.functionNames().size() < SIZE) {
                return false;
            }
            for (ClusterNode other : nodes) {
                Member member = view.member(other.id());
                if (member == null || member.status() != MemberStatus.ALIVE) {
                    return false;
                }
            }
        }
        return true;
    }

    boolean everyoneSeesEveryoneLive() {
        return nodes.stream().allMatch(n -> n.view().liveMembers().size() == SIZE);
    }

    boolean allOthersSee(String subject, MemberStatus status) {
        return nodes.stream().filter(n -> !n.id().equals(subject)).allMatch(n -> {
            Member member = n.view().member(subject);
            return member != null && member.status() == status;
        });
    }

    static boolean seesAsGone(ClusterNode observer, Set<String> others) {
        return others.stream().allMatch(id -> {
            Member member = observer.view().member(id);
            return member == null || !member.status().isLive();
        });
    }

    static String id(int i) {
        return "node-" + i;
    }

    static Set<String> ids(int from, int to) {
        Set<String> ids = new HashSet<>();
        for (int i = from; i < to; i++) {
            ids.add(id(i));
        }
        return ids;
    }
}
