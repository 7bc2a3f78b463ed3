package io.mpreg.admin.model;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * The live model of every watched cluster: an immutable {@link FleetSnapshot}
 * swapped atomically when a poll ends, each change announced on
 * {@link #changes()}, and a short history of every node's key figures.
 *
 * <p>Readers never block: {@link #current()} is one volatile read. Several
 * pollers may update at once; each update is a compare-and-set.
 */
public final class FleetModel {

    private static final Logger log = LoggerFactory.getLogger(FleetModel.class);
    private static final Duration EMIT_RETRY = Duration.ofMillis(200);

    private final Clock clock;
    private final int historySize;
    private final AtomicReference<FleetSnapshot> current;
    private final AtomicReference<Map<String, List<MetricPoint>>> history = new AtomicReference<>(Map.of());
    private final Sinks.Many<FleetChange> changes = Sinks.many().multicast().directBestEffort();

    /**
     * @param clusters    the watched clusters before their first poll
     * @param clock       the clock snapshots are stamped with
     * @param historySize how many points of each node's figures to keep
     */
    public FleetModel(List<ClusterSnapshot> clusters, Clock clock, int historySize) {
        this.clock = Objects.requireNonNull(clock, "clock");
        if (historySize < 1) {
            throw new IllegalArgumentException("historySize must be at least 1 but was " + historySize);
        }
        this.historySize = historySize;
        this.current = new AtomicReference<>(new FleetSnapshot(0, clock.instant(), clusters));
    }

    /** The model now. */
    public FleetSnapshot current() {
        return current.get();
    }

    /** Every change from now on; a subscriber that cannot keep up misses changes, never blocks the model. */
    public Flux<FleetChange> changes() {
        return changes.asFlux();
    }

    /** The recent key figures of one node, oldest first. */
    public List<MetricPoint> history(String cluster, String node) {
        return history.get().getOrDefault(historyKey(cluster, node), List.of());
    }

    /** Replaces one cluster's snapshot and announces the change. */
    public void update(ClusterSnapshot cluster) {
        Objects.requireNonNull(cluster, "cluster");
        FleetSnapshot[] before = new FleetSnapshot[1];
        FleetSnapshot after = current.updateAndGet(snapshot -> {
            before[0] = snapshot;
            return snapshot.with(cluster, clock.instant());
        });
        List<MemberChange> memberChanges = memberChanges(before[0].cluster(cluster.name()).orElse(null), cluster);
        memberChanges.forEach(change -> log.info("Cluster '{}': member '{}' {} -> {}", change.cluster(),
                change.id(), change.from(), change.to()));
        if (cluster.reachable()) {
            recordHistory(cluster);
        }
        changes.emitNext(new FleetChange(after, cluster.name(), memberChanges),
                Sinks.EmitFailureHandler.busyLooping(EMIT_RETRY));
    }

    private void recordHistory(ClusterSnapshot cluster) {
        history.updateAndGet(points -> {
            Map<String, List<MetricPoint>> next = new HashMap<>(points);
            for (NodeView node : cluster.nodes()) {
                List<MetricPoint> series = new ArrayList<>(next.getOrDefault(historyKey(cluster.name(), node.id()),
                        List.of()));
                series.add(MetricPoint.of(node, cluster.polledAt()));
                if (series.size() > historySize) {
                    series.subList(0, series.size() - historySize).clear();
                }
                next.put(historyKey(cluster.name(), node.id()), List.copyOf(series));
            }
            return Map.copyOf(next);
        });
    }

    private static List<MemberChange> memberChanges(@Nullable ClusterSnapshot before, ClusterSnapshot after) {
        if (!after.reachable()) {
            return List.of();
        }
        Map<String, MemberStatus> previous = new HashMap<>();
        if (before != null) {
            before.nodes().forEach(node -> previous.put(node.id(), node.status()));
        }
        List<MemberChange> changed = new ArrayList<>();
        for (NodeView node : after.nodes()) {
            MemberStatus was = previous.remove(node.id());
            if (was != node.status()) {
                changed.add(new MemberChange(after.name(), node.id(), was, node.status()));
            }
        }
        previous.forEach((id, was) -> changed.add(new MemberChange(after.name(), id, was, null)));
        return changed;
    }

    private static String historyKey(String cluster, String node) {
        return cluster + "/" + node;
    }
}
