package io.mpreg.admin.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/** Builds a {@link ClusterSnapshot} from a node's report, the readings of each member and the previous snapshot. */
public final class ClusterSnapshots {

    private static final String COUNT = "COUNT";
    private static final String VALUE = "VALUE";
    private static final double MILLIS_PER_SECOND = 1000.0;

    private ClusterSnapshots() {
    }

    /**
     * The snapshot of one successful poll.
     *
     * @param name     the watched cluster's name
     * @param region   its region, if configured
     * @param previous the snapshot of the previous poll (for how long members have been in their state and
     *                 for rates between polls), if any
     * @param report   what a node of the cluster answered
     * @param readings what was read from each member's Actuator, by member id (absent: nothing read)
     * @param now      when the poll finished
     */
    public static ClusterSnapshot fromReport(String name, @Nullable String region, @Nullable ClusterSnapshot previous,
            ClusterReport report, Map<String, NodeReading> readings, Instant now) {
        Map<String, MemberReport> members = new LinkedHashMap<>();
        report.members().forEach(member -> members.put(member.id(), member));
        members.putIfAbsent(report.self().id(), report.self());

        Map<String, List<String>> functionsByNode = new HashMap<>();
        for (FunctionReport function : report.functions()) {
            for (String node : function.nodes()) {
                functionsByNode.computeIfAbsent(node, ignored -> new ArrayList<>()).add(function.name());
            }
        }

        List<NodeView> nodes = members.values().stream()
                .sorted(Comparator.comparing(MemberReport::id))
                .map(member -> nodeView(name, region, member, previous, readings.getOrDefault(member.id(),
                        NodeReading.NONE), functionsByNode.getOrDefault(member.id(), List.of()), now))
                .toList();

        Set<String> alive = nodes.stream().filter(node -> node.status().isAlive()).map(NodeView::id)
                .collect(Collectors.toSet());
        List<FunctionView> functions = report.functions().stream()
                .sorted(Comparator.comparing(FunctionReport::name).thenComparing(FunctionReport::version))
                .map(function -> new FunctionView(name, function.name(), function.version(), function.resources(),
                        function.idempotent(), function.nodes(),
                        function.nodes().stream().filter(alive::contains).toList()))
                .toList();

        return new ClusterSnapshot(name, region, now, true, null, report.self().id(), nodes, functions,
                ClusterSnapshot.PeerLinks.DERIVED_FULL_MESH);
    }

    private static NodeView nodeView(String cluster, @Nullable String region, MemberReport member,
            @Nullable ClusterSnapshot previous, NodeReading reading, List<String> functions, Instant now) {
        NodeView before = previous == null ? null : previous.node(member.id()).orElse(null);
        Instant since = before != null && before.status() == member.status() ? before.statusSince() : now;
        return new NodeView(member.id(), cluster, region, member.status(), since, member.incarnation(),
                member.resources(), member.load(), member.url(), member.managementUrl(), member.lastSeenMillisAgo(),
                functions.stream().sorted().toList(), reading.health(),
                metrics(reading.samples(), before == null ? null : before.metrics()));
    }

    /** Derives the key figures from the samples read, rates relative to the previous poll's samples. */
    static NodeMetrics metrics(Map<String, Map<String, Double>> samples, @Nullable NodeMetrics previous) {
        NodeMetrics partial = new NodeMetrics(samples, null, null, null, null, null);
        Double requests = partial.value(MeterQuery.RPC_REQUESTS, COUNT);
        Double successes = partial.value(MeterQuery.RPC_SUCCESSES, COUNT);
        Double p99Seconds = partial.value(MeterQuery.RPC_P99, VALUE);
        return new NodeMetrics(samples, requests, errorRate(requests, successes, previous),
                p99Seconds == null ? null : p99Seconds * MILLIS_PER_SECOND,
                partial.value(MeterQuery.JVM_MEMORY_USED, VALUE), partial.value(MeterQuery.CONNECTIONS, VALUE));
    }

    private static @Nullable Double errorRate(@Nullable Double requests, @Nullable Double successes,
            @Nullable NodeMetrics previous) {
        if (requests == null) {
            return null;
        }
        double succeeded = successes == null ? 0 : successes;
        double requestsBefore = 0;
        double succeededBefore = 0;
        if (previous != null && previous.requests() != null && previous.requests() <= requests) {
            requestsBefore = previous.requests();
            Double previousSuccesses = previous.value(MeterQuery.RPC_SUCCESSES, COUNT);
            succeededBefore = previousSuccesses == null ? 0 : previousSuccesses;
        }
        double ran = requests - requestsBefore;
        if (ran <= 0) {
            return null;
        }
        double failed = ran - (succeeded - succeededBefore);
        return Math.max(0, Math.min(1, failed / ran));
    }
}
