package io.mpreg.admin.alert;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Stream;

import io.mpreg.admin.model.ClusterSnapshot;
import io.mpreg.admin.model.FleetSnapshot;
import io.mpreg.admin.model.FunctionView;
import io.mpreg.admin.model.MeterQuery;
import io.mpreg.admin.model.NodeView;
import org.jspecify.annotations.Nullable;

/**
 * Finds where a rule's condition holds in a snapshot of the model. Member
 * states of an unreachable cluster are its last known ones: they stay as
 * they were, and {@link RuleKind#CLUSTER_UNREACHABLE} reports the outage.
 * A cluster that was never reached has no members to judge.
 */
final class RuleEvaluator {

    private RuleEvaluator() {
    }

    /** Every subject the rule's condition holds for now. */
    static List<Breach> breaches(AlertRule rule, FleetSnapshot fleet) {
        List<Breach> found = new ArrayList<>();
        for (ClusterSnapshot cluster : fleet.clusters()) {
            if (rule.cluster() == null || rule.cluster().equals(cluster.name())) {
                found.addAll(inCluster(rule, cluster));
            }
        }
        return found;
    }

    private static List<Breach> inCluster(AlertRule rule, ClusterSnapshot cluster) {
        boolean everReached = cluster.reportedBy() != null;
        return switch (rule.kind()) {
            case CLUSTER_UNREACHABLE -> cluster.reachable() ? List.of()
                    : List.of(clusterBreach(cluster, null, "cluster '" + cluster.name() + "' is unreachable: "
                            + cluster.error()));
            case LIVE_MEMBERS_BELOW -> liveMembersBelow(rule, cluster, everReached);
            case FUNCTION_UNAVAILABLE -> everReached ? functionsUnavailable(rule, cluster) : List.of();
            case MEMBER_DOWN -> members(cluster)
                    .filter(node -> node.status().isDown())
                    .map(node -> nodeBreach(node, null, "member '" + node.id() + "' of cluster '" + node.cluster()
                            + "' is " + node.status()))
                    .toList();
            case NODE_UNHEALTHY -> aliveMembers(cluster)
                    .filter(node -> node.managementUrl() != null && !node.health().isUp())
                    .map(node -> nodeBreach(node, null, "member '" + node.id() + "' reports health "
                            + node.health().status() + (node.health().error() == null ? ""
                            : " (" + node.health().error() + ")")))
                    .toList();
            case ERROR_RATE_ABOVE -> measured(rule, cluster, node -> node.metrics().errorRate(), "error rate");
            case P99_ABOVE -> measured(rule, cluster, node -> node.metrics().p99Millis(), "p99 latency (ms)");
            case METER -> {
                MeterQuery query = Objects.requireNonNull(rule.meterQuery(), "meterQuery");
                yield measured(rule, cluster, node -> node.metrics().value(query, rule.statistic()),
                        query.key() + " " + rule.statistic());
            }
        };
    }

    private static List<Breach> liveMembersBelow(AlertRule rule, ClusterSnapshot cluster, boolean everReached) {
        long live = cluster.liveMembers();
        if (!everReached || live >= rule.requiredThreshold()) {
            return List.of();
        }
        return List.of(clusterBreach(cluster, (double) live, live + " live member(s) in cluster '" + cluster.name()
                + "', fewer than " + formatted(rule.requiredThreshold())));
    }

    private static List<Breach> functionsUnavailable(AlertRule rule, ClusterSnapshot cluster) {
        if (rule.function() != null) {
            boolean served = cluster.functions().stream()
                    .anyMatch(function -> function.name().equals(rule.function()) && !function.liveNodes().isEmpty());
            return served ? List.of() : List.of(functionBreach(cluster, rule.function()));
        }
        return cluster.functions().stream()
                .filter(function -> function.liveNodes().isEmpty())
                .map(FunctionView::name)
                .distinct()
                .map(function -> functionBreach(cluster, function))
                .toList();
    }

    private static List<Breach> measured(AlertRule rule, ClusterSnapshot cluster,
            Function<NodeView, @Nullable Double> measure, String what) {
        List<Breach> found = new ArrayList<>();
        aliveMembers(cluster).forEach(node -> {
            Double value = measure.apply(node);
            if (value != null && rule.comparison().test(value, rule.requiredThreshold())) {
                found.add(nodeBreach(node, value, what + " of member '" + node.id() + "' is " + formatted(value)
                        + " " + rule.comparison().symbol() + " " + formatted(rule.requiredThreshold())));
            }
        });
        return found;
    }

    private static Stream<NodeView> members(ClusterSnapshot cluster) {
        return cluster.nodes().stream();
    }

    private static Stream<NodeView> aliveMembers(ClusterSnapshot cluster) {
        return cluster.nodes().stream().filter(node -> node.status().isAlive());
    }

    private static Breach nodeBreach(NodeView node, @Nullable Double value, String summary) {
        return new Breach(node.cluster() + "/" + node.id(), Map.of("cluster", node.cluster(), "node", node.id()),
                value, summary);
    }

    private static Breach clusterBreach(ClusterSnapshot cluster, @Nullable Double value, String summary) {
        return new Breach(cluster.name(), Map.of("cluster", cluster.name()), value, summary);
    }

    private static Breach functionBreach(ClusterSnapshot cluster, String function) {
        return new Breach(cluster.name() + "/" + function, Map.of("cluster", cluster.name(), "function", function),
                null, "no alive member of cluster '" + cluster.name() + "' offers function '" + function + "'");
    }

    private static String formatted(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
                : String.format(java.util.Locale.ROOT, "%.4g", value);
    }
}
