package io.mpreg.core.fabric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import io.mpreg.core.cluster.ClusterView;
import io.mpreg.core.cluster.FunctionEntry;
import io.mpreg.core.cluster.Member;
import io.mpreg.core.cluster.MemberInfo;
import io.mpreg.core.cluster.MemberRecord;
import io.mpreg.core.cluster.MemberStatus;
import io.mpreg.core.cluster.RoutingPolicy;
import io.mpreg.core.error.ErrorKind;
import io.mpreg.core.error.MpregException;
import io.mpreg.core.rpc.CommandRunner;
import io.mpreg.core.rpc.RequestContext;
import io.mpreg.core.wire.CommandSpec;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * {@link RoutingCommandRunner} over real views built from member records, with a
 * remote caller that answers per member as each test says and records whom it called.
 */
class RoutingCommandRunnerTest {

    private static final RequestContext CONTEXT = new RequestContext("r-1", Instant.now().plusSeconds(30));
    private static final FunctionEntry TRAIN = FunctionEntry.of("train", "1.0.0");
    private static final FunctionEntry TRAIN_IDEMPOTENT = TRAIN.withIdempotent(true);
    private static final CommandRunner LOCAL = (command, context) -> Mono.just(StringNode.valueOf("local"));

    private final List<String> called = new CopyOnWriteArrayList<>();
    private final Random random = new Random(7);

    @Test
    void commandRunsHereWhenThisNodeOffersItAndLocalIsPreferred() {
        ClusterView view = view(member("me", true, 9, TRAIN), member("peer", false, 0, TRAIN));

        assertThat(run(view, RoutingPolicy.DEFAULT, answering(Map.of()))).isEqualTo("local");
        assertThat(called).isEmpty();
    }

    @Test
    void commandGoesToThePeerWhenOnlyAPeerOffersIt() {
        ClusterView view = view(member("me", true, 0), member("peer", false, 0, TRAIN));

        assertThat(run(view, RoutingPolicy.DEFAULT, answering(Map.of("peer", ok("peer"))))).isEqualTo("peer");
        assertThat(called).containsExactly("peer");
    }

    @Test
    void leastLoadedAlwaysPicksTheMemberWithTheLowestKnownLoad() {
        ClusterView view = view(member("me", true, 0), member("busy", false, 7, TRAIN), member("idle", false, 1, TRAIN));
        RoutingPolicy leastLoaded = new RoutingPolicy(RoutingPolicy.Strategy.LEAST_LOADED, true);

        for (int i = 0; i < 20; i++) {
            run(view, leastLoaded, answering(Map.of("busy", ok("busy"), "idle", ok("idle"))));
        }
        assertThat(called).hasSize(20).containsOnly("idle");
    }

    @Test
    void randomSpreadsCommandsOverEveryMatchingMember() {
        ClusterView view = view(member("me", true, 0), member("p1", false, 7, TRAIN), member("p2", false, 0, TRAIN),
                member("p3", false, 0));

        for (int i = 0; i < 60; i++) {
            run(view, RoutingPolicy.DEFAULT, answering(Map.of("p1", ok("p1"), "p2", ok("p2"))));
        }
        assertThat(new HashSet<>(called)).isEqualTo(Set.of("p1", "p2"));
    }

    @Test
    void functionNobodyOffersFailsWithFunctionNotFoundNamingFunctionAndResources() {
        ClusterView view = view(member("me", true, 0), member("peer", false, 0, TRAIN));
        RoutingCommandRunner runner = runner(view, RoutingPolicy.DEFAULT, answering(Map.of()), (fun, locs) -> false);

        assertThatThrownBy(() -> runner.run(command("predict", List.of("gpu")), CONTEXT).block(Duration.ofSeconds(5)))
                .isInstanceOfSatisfying(MpregException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.FUNCTION_NOT_FOUND);
                    assertThat(e.details().get("fun").asString()).isEqualTo("predict");
                    assertThat(e.details().get("locs").get(0).asString()).isEqualTo("gpu");
                });
        assertThat(called).isEmpty();
    }

    @Test
    void functionJustRegisteredHereButNotYetInTheViewRunsHere() {
        ClusterView view = view(member("me", true, 0));
        RoutingCommandRunner runner = runner(view, RoutingPolicy.DEFAULT, answering(Map.of()),
                (fun, locs) -> fun.equals("predict"));

        assertThat(runner.run(command("predict", List.of()), CONTEXT).block(Duration.ofSeconds(5)).asString())
                .isEqualTo("local");
    }

    @Test
    void callThatNeverLeftIsRetriedOnceOnAnotherMember() {
        ClusterView view = view(member("me", true, 0), member("p1", false, 0, TRAIN), member("p2", false, 0, TRAIN));
        RemoteCaller remote = answering(Map.of("p1", lost("p1", false), "p2", lost("p2", false)));

        assertThatThrownBy(() -> run(view, RoutingPolicy.DEFAULT, remote))
                .isInstanceOfSatisfying(MpregException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.NODE_LOST));
        assertThat(called).hasSize(2).containsExactlyInAnyOrder("p1", "p2");
    }

    @Test
    void callThatNeverLeftSucceedsOnTheOtherMember() {
        ClusterView view = view(member("me", true, 0), member("p1", false, 0, TRAIN), member("p2", false, 0, TRAIN));
        RemoteCaller remote = answering(Map.of("p1", lost("p1", false), "p2", lost("p2", false)));
        RemoteCaller firstLost = (member, command, context) -> called.isEmpty()
                ? remote.call(member, command, context)
                : answering(Map.of("p1", ok("p1"), "p2", ok("p2"))).call(member, command, context);

        String result = run(view, RoutingPolicy.DEFAULT, firstLost);

        assertThat(called).hasSize(2);
        assertThat(result).isEqualTo(called.get(1)).isNotEqualTo(called.get(0));
    }

    @Test
    void idempotentCallLostAfterLeavingIsRetriedElsewhere() {
        ClusterView view = view(member("me", true, 0), member("p1", false, 0, TRAIN_IDEMPOTENT),
                member("p2", false, 0, TRAIN_IDEMPOTENT));
        RemoteCaller remote = (member, command, context) -> called.isEmpty()
                ? answering(Map.of("p1", lost("p1", true), "p2", lost("p2", true))).call(member, command, context)
                : answering(Map.of("p1", ok("p1"), "p2", ok("p2"))).call(member, command, context);

        String result = run(view, RoutingPolicy.DEFAULT, remote);

        assertThat(called).hasSize(2);
        assertThat(result).isEqualTo(called.get(1)).isNotEqualTo(called.get(0));
    }

    @Test
    void retryMayRunTheCommandHereWhenThisNodeIsTheOtherMatch() {
        ClusterView view = view(member("me", true, 0, TRAIN), member("p1", false, 0, TRAIN));
        RoutingPolicy remoteFirst = new RoutingPolicy(RoutingPolicy.Strategy.RANDOM, false);
        RemoteCaller remote = answering(Map.of("p1", lost("p1", false)));
        RoutingCommandRunner runner = runner(view, remoteFirst, remote, (fun, locs) -> true);

        List<String> results = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            results.add(runner.run(command("train", List.of()), CONTEXT).block(Duration.ofSeconds(5)).asString());
        }
        assertThat(results).containsOnly("local");
        assertThat(called).isNotEmpty().containsOnly("p1");
    }

    @Test
    void callLostAfterLeavingFailsWithNodeLostUnlessIdempotent() {
        ClusterView view = view(member("me", true, 0), member("p1", false, 0, TRAIN), member("p2", false, 0, TRAIN));
        RemoteCaller remote = answering(Map.of("p1", lost("p1", true), "p2", lost("p2", true)));

        assertThatThrownBy(() -> run(view, RoutingPolicy.DEFAULT, remote))
                .isInstanceOfSatisfying(MpregException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.NODE_LOST);
                    assertThat(e.details().get("sent").booleanValue()).isTrue();
                });
        assertThat(called).hasSize(1);
    }

    @Test
    void errorAnsweredByThePeerIsNotRetried() {
        ClusterView view = view(member("me", true, 0), member("p1", false, 0, TRAIN_IDEMPOTENT),
                member("p2", false, 0, TRAIN_IDEMPOTENT));
        Mono<JsonNode> failed = Mono.error(MpregException.of(ErrorKind.FUNCTION_FAILED, "bad input"));
        RemoteCaller remote = answering(Map.of("p1", failed, "p2", failed));

        assertThatThrownBy(() -> run(view, RoutingPolicy.DEFAULT, remote))
                .isInstanceOfSatisfying(MpregException.class,
                        e -> assertThat(e.kind()).isEqualTo(ErrorKind.FUNCTION_FAILED));
        assertThat(called).hasSize(1);
    }

    private String run(ClusterView view, RoutingPolicy policy, RemoteCaller remote) {
        JsonNode result = runner(view, policy, remote, (fun, locs) -> false).run(command("train", List.of()), CONTEXT)
                .block(Duration.ofSeconds(5));
        return result.asString();
    }

    private RoutingCommandRunner runner(ClusterView view, RoutingPolicy policy, RemoteCaller remote,
            java.util.function.BiPredicate<String, List<String>> offeredLocally) {
        return new RoutingCommandRunner(() -> view, LOCAL, offeredLocally, remote, policy, random);
    }

    /** A remote caller answering each member with its outcome, recording whom it called. */
    private RemoteCaller answering(Map<String, Mono<JsonNode>> outcomes) {
        return (member, command, context) -> {
            called.add(member.id());
            Mono<JsonNode> outcome = outcomes.get(member.id());
            return outcome != null ? outcome
                    : Mono.error(new AssertionError("no call to " + member.id() + " was expected"));
        };
    }

    private static Mono<JsonNode> ok(String id) {
        return Mono.just(StringNode.valueOf(id));
    }

    private static Mono<JsonNode> lost(String id, boolean sent) {
        ObjectNode details = JsonNodeFactory.instance.objectNode();
        details.put("node", id);
        details.put("sent", sent);
        return Mono.error(MpregException.of(ErrorKind.NODE_LOST, "peer " + id + " lost", details));
    }

    private static CommandSpec command(String fun, List<String> locs) {
        return new CommandSpec("|c", fun, List.of(), Map.of(), locs);
    }

    private static Member member(String id, boolean local, int load, FunctionEntry... functions) {
        MemberInfo info = MemberInfo.at("ws://" + id + ":1/mpreg");
        for (FunctionEntry function : functions) {
            info = info.withFunction(function);
        }
        return new Member(new MemberRecord(id, 0, MemberStatus.ALIVE, info), load, local);
    }

    private static ClusterView view(Member... members) {
        return ClusterView.of("me", List.of(members));
    }
}
