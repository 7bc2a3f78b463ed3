package io.mpreg.core.fabric;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BiPredicate;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

import io.mpreg.core.cluster.ClusterView;
import io.mpreg.core.cluster.Member;
import io.mpreg.core.cluster.RouteChoice;
import io.mpreg.core.cluster.Router;
import io.mpreg.core.cluster.RoutingPolicy;
import io.mpreg.core.error.ErrorKind;
import io.mpreg.core.error.MpregException;
import io.mpreg.core.rpc.CommandRunner;
import io.mpreg.core.rpc.RequestContext;
import io.mpreg.core.wire.CommandSpec;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * Runs each command on a member that offers its function with every
 * requested resource, as {@link Router#choose} picks over the current
 * {@link ClusterView}: here through the local runner, elsewhere through the
 * {@link RemoteCaller}.
 *
 * <p>A remote call lost with its peer is tried once more on another matching
 * member when that is safe: when the call never left this node, or when the
 * function is declared idempotent. Otherwise the command fails with
 * {@code NODE_LOST}. With no match the command fails with
 * {@code FUNCTION_NOT_FOUND} naming the function and resources, unless this
 * node has just registered the function and its view does not show it yet.
 */
public final class RoutingCommandRunner implements CommandRunner {

    private final Supplier<ClusterView> views;
    private final CommandRunner local;
    private final BiPredicate<String, List<String>> offeredLocally;
    private final RemoteCaller remote;
    private final RoutingPolicy policy;
    private final RandomGenerator random;

    /**
     * A runner over the given pieces.
     *
     * @param views          the current cluster view
     * @param local          runs commands on this node
     * @param offeredLocally whether this node offers a function with the given resources right now
     * @param remote         runs commands on peers
     * @param policy         how to choose among matching members
     * @param random         the random source of the choice (thread-safe)
     */
    public RoutingCommandRunner(Supplier<ClusterView> views, CommandRunner local,
            BiPredicate<String, List<String>> offeredLocally, RemoteCaller remote, RoutingPolicy policy,
            RandomGenerator random) {
        this.views = Objects.requireNonNull(views, "views");
        this.local = Objects.requireNonNull(local, "local");
        this.offeredLocally = Objects.requireNonNull(offeredLocally, "offeredLocally");
        this.remote = Objects.requireNonNull(remote, "remote");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.random = Objects.requireNonNull(random, "random");
    }

    @Override
    public Mono<JsonNode> run(CommandSpec command, RequestContext context) {
        ClusterView view = views.get();
        RouteChoice choice = Router.choose(view, command.fun(), command.locs(), policy, random);
        if (choice instanceof RouteChoice.NoRoute noRoute) {
            if (offeredLocally.test(command.fun(), command.locs())) {
                return local.run(command, context);
            }
            return Mono.error(noRoute.toException());
        }
        RouteChoice.Routed routed = (RouteChoice.Routed) choice;
        Member member = routed.member();
        if (member.local()) {
            return local.run(command, context);
        }
        boolean idempotent = routed.function().idempotent();
        return remote.call(member, command, context)
                .onErrorResume(failure -> retriable(failure, idempotent),
                        failure -> retryElsewhere(command, context, without(view, member.id()), failure));
    }

    private Mono<JsonNode> retryElsewhere(CommandSpec command, RequestContext context, ClusterView view,
            Throwable firstFailure) {
        RouteChoice choice = Router.choose(view, command.fun(), command.locs(), policy, random);
        if (!(choice instanceof RouteChoice.Routed routed)) {
            return Mono.error(firstFailure);
        }
        if (routed.member().local()) {
            return local.run(command, context);
        }
        return remote.call(routed.member(), command, context);
    }

    private static boolean retriable(Throwable failure, boolean idempotent) {
        if (!(failure instanceof MpregException mpreg) || mpreg.kind() != ErrorKind.NODE_LOST) {
            return false;
        }
        if (idempotent) {
            return true;
        }
        JsonNode sent = mpreg.details() == null ? null : mpreg.details().get("sent");
        return sent != null && sent.isBoolean() && !sent.booleanValue();
    }

    private static ClusterView without(ClusterView view, String memberId) {
        List<Member> others = new ArrayList<>(view.size());
        for (Member member : view.members().values()) {
            if (!member.id().equals(memberId)) {
                others.add(member);
            }
        }
        return ClusterView.of(view.localId(), others);
    }
}
