package io.mpreg.core.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

class RouterTest {

    private static Member member(String id, MemberStatus status, Set<String> resources, int load, boolean local,
            String... functions) {
        MemberInfo info = MemberInfo.at("sim://" + id).withResources(resources);
        for (String function : functions) {
            info = info.withFunction(FunctionEntry.of(function, "1.0.0"));
        }
        return new Member(new MemberRecord(id, 0, status, info), load, local);
    }

    @Test
    void noRouteSaysWhetherTheFunctionExistsWithoutTheResources() {
        ClusterView view = ClusterView.of("a", List.of(member("a", MemberStatus.ALIVE, Set.of("cpu"), 0, true, "f")));
        RouteChoice.NoRoute missing = (RouteChoice.NoRoute) Router.choose(view, "f", List.of("gpu"),
                RoutingPolicy.DEFAULT, new Random(1));
        assertThat(missing.reason()).isEqualTo("no node offers 'f' with resources [gpu]");
        assertThat(missing.toException().details().toString()).isEqualTo("{\"fun\":\"f\",\"locs\":[\"gpu\"]}");
        RouteChoice.NoRoute unknown = (RouteChoice.NoRoute) Router.choose(view, "g", List.of(),
                RoutingPolicy.DEFAULT, new Random(1));
        assertThat(unknown.reason()).isEqualTo("no node offers 'g'");
    }

    @Test
    void deadAndDepartedMembersAreNeverChosen() {
        ClusterView view = ClusterView.of("router", List.of(
                member("dead", MemberStatus.DEAD, Set.of(), 0, false, "f"),
                member("left", MemberStatus.LEFT, Set.of(), 0, false, "f")));
        assertThat(Router.choose(view, "f", List.of(), RoutingPolicy.DEFAULT, new Random(1)))
                .isInstanceOf(RouteChoice.NoRoute.class);
    }

    @Test
    void leastLoadedPicksTheIdlestMatchingMember() {
        ClusterView view = ClusterView.of("router", List.of(
                member("busy", MemberStatus.ALIVE, Set.of("gpu"), 9, false, "f"),
                member("idle", MemberStatus.ALIVE, Set.of("gpu"), 1, false, "f"),
                member("idler-but-no-gpu", MemberStatus.ALIVE, Set.of(), 0, false, "f")));
        RouteChoice choice = Router.choose(view, "f", List.of("gpu"),
                new RoutingPolicy(RoutingPolicy.Strategy.LEAST_LOADED, true), new Random(1));
        assertThat(((RouteChoice.Routed) choice).member().id()).isEqualTo("idle");
    }
}
