package io.mpreg.core.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import io.mpreg.core.error.ErrorKind;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/** Routing as a pure function over a view, against a brute-force reference. */
class RouterProperties {

    private static final List<String> TAGS = List.of("gpu", "eu", "us", "ssd");

    @Property(tries = 500)
    void chosenMemberIsLiveOffersTheFunctionAndHasEveryLoc(@ForAll("views") ClusterView view,
            @ForAll("locs") Set<String> locs, @ForAll("policies") RoutingPolicy policy, @ForAll long seed) {
        RouteChoice choice = Router.choose(view, "f", locs, policy, new Random(seed));
        List<Member> matching = brute(view, locs);
        if (matching.isEmpty()) {
            assertThat(choice).isInstanceOf(RouteChoice.NoRoute.class);
            RouteChoice.NoRoute none = (RouteChoice.NoRoute) choice;
            assertThat(none.toException().kind()).isEqualTo(ErrorKind.FUNCTION_NOT_FOUND);
            assertThat(none.functionKnown()).isEqualTo(!view.offers("f").isEmpty());
            return;
        }
        Member chosen = ((RouteChoice.Routed) choice).member();
        assertThat(matching).contains(chosen);
        if (policy.preferLocal() && matching.stream().anyMatch(Member::local)) {
            assertThat(chosen.local()).isTrue();
        } else if (policy.strategy() == RoutingPolicy.Strategy.LEAST_LOADED) {
            assertThat(chosen.load()).isEqualTo(matching.stream().mapToInt(Member::load).min().orElseThrow());
        }
    }

    @Property(tries = 50)
    void randomStrategyEventuallyUsesEveryMatchingMember(@ForAll("views") ClusterView view, @ForAll long seed) {
        List<Member> matching = brute(view, Set.of());
        RoutingPolicy spread = new RoutingPolicy(RoutingPolicy.Strategy.RANDOM, false);
        Random random = new Random(seed);
        Set<String> used = new TreeSet<>();
        for (int i = 0; i < 400; i++) {
            if (Router.choose(view, "f", Set.of(), spread, random) instanceof RouteChoice.Routed routed) {
                used.add(routed.member().id());
            }
        }
        assertThat(used).containsExactlyInAnyOrderElementsOf(matching.stream().map(Member::id).toList());
    }

    private static List<Member> brute(ClusterView view, Set<String> locs) {
        List<Member> matching = new ArrayList<>();
        for (Member member : view.members().values()) {
            if (!member.status().isLive()) {
                continue;
            }
            for (FunctionEntry function : member.info().functions()) {
                Set<String> all = new TreeSet<>(member.info().resources());
                all.addAll(function.resources());
                if (function.name().equals("f") && all.containsAll(locs) && !matching.contains(member)) {
                    matching.add(member);
                }
            }
        }
        return matching;
    }

    @Provide
    Arbitrary<ClusterView> views() {
        Arbitrary<Member> member = Combinators.combine(
                Arbitraries.of(MemberStatus.class),
                Arbitraries.subsetOf(TAGS),
                Arbitraries.subsetOf(TAGS),
                Arbitraries.of("f", "g"),
                Arbitraries.integers().between(0, 5))
                .as((status, resources, fnResources, fn, load) -> new Member(new MemberRecord("m", 0, status,
                        MemberInfo.at("sim://m").withResources(resources)
                                .withFunction(FunctionEntry.of(fn, "1.0.0", fnResources, ""))), load, false));
        return member.list().ofMaxSize(8).flatMap(members -> Arbitraries.integers().between(-1, members.size() - 1)
                .map(localIndex -> {
                    List<Member> named = new ArrayList<>();
                    for (int i = 0; i < members.size(); i++) {
                        Member m = members.get(i);
                        String id = "m" + i;
                        named.add(new Member(new MemberRecord(id, 0, m.status(), m.info()), m.load(), i == localIndex));
                    }
                    return ClusterView.of(localIndex >= 0 ? "m" + localIndex : "router", named);
                }));
    }

    @Provide
    Arbitrary<Set<String>> locs() {
        return Arbitraries.subsetOf(TAGS);
    }

    @Provide
    Arbitrary<RoutingPolicy> policies() {
        return Combinators.combine(Arbitraries.of(RoutingPolicy.Strategy.class), Arbitraries.of(true, false))
                .as(RoutingPolicy::new);
    }
}
