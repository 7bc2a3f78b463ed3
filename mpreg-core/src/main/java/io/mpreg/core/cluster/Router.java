package io.mpreg.core.cluster;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Chooses where a call runs: a pure function of a {@link ClusterView}, the
 * function name, the required resource tags and the policy.
 *
 * <p>Candidates are the live members offering the function whose resources
 * (their own plus the function's) include every one of {@code locs}. The local
 * node wins when it is a candidate and the policy prefers it; otherwise the
 * strategy picks among all candidates.
 */
public final class Router {

    private Router() {
    }

    /** Chooses a member for the call, or says why none matches. */
    public static RouteChoice choose(ClusterView view, String function, Collection<String> locs,
            RoutingPolicy policy, RandomGenerator random) {
        Objects.requireNonNull(view, "view");
        Objects.requireNonNull(function, "function");
        Objects.requireNonNull(locs, "locs");
        Objects.requireNonNull(policy, "policy");
        List<Offer> offers = view.offers(function);
        List<Offer> candidates = new ArrayList<>(offers.size());
        for (Offer offer : offers) {
            if (offer.member().offersAll(offer.function(), locs)) {
                if (policy.preferLocal() && offer.member().local()) {
                    return new RouteChoice.Routed(offer.member(), offer.function());
                }
                candidates.add(offer);
            }
        }
        if (candidates.isEmpty()) {
            return new RouteChoice.NoRoute(function, List.copyOf(locs), !offers.isEmpty());
        }
        Offer chosen = switch (policy.strategy()) {
            case RANDOM -> candidates.get(random.nextInt(candidates.size()));
            case LEAST_LOADED -> leastLoaded(candidates, random);
        };
        return new RouteChoice.Routed(chosen.member(), chosen.function());
    }

    private static Offer leastLoaded(List<Offer> candidates, RandomGenerator random) {
        int lowest = Integer.MAX_VALUE;
        List<Offer> best = new ArrayList<>();
        for (Offer offer : candidates) {
            int load = offer.member().load();
            if (load < lowest) {
                lowest = load;
                best.clear();
            }
            if (load == lowest) {
                best.add(offer);
            }
        }
        return best.get(random.nextInt(best.size()));
    }
}
