package io.mpreg.admin.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Every watched cluster at one moment; replaced as a whole whenever one of them changes.
 *
 * @param version  grows by one with every change, so a reader can tell snapshots apart
 * @param at       when this snapshot was made
 * @param clusters every watched cluster, in configuration order
 */
public record FleetSnapshot(long version, Instant at, List<ClusterSnapshot> clusters) {

    public FleetSnapshot {
        Objects.requireNonNull(at, "at");
        clusters = List.copyOf(clusters);
    }

    /** The watched cluster with this name. */
    public Optional<ClusterSnapshot> cluster(String name) {
        return clusters.stream().filter(cluster -> cluster.name().equals(name)).findFirst();
    }

    /** This snapshot with one cluster replaced (or added at the end). */
    public FleetSnapshot with(ClusterSnapshot cluster, Instant now) {
        List<ClusterSnapshot> replaced = clusters.stream()
                .map(existing -> existing.name().equals(cluster.name()) ? cluster : existing)
                .toList();
        if (replaced.stream().noneMatch(existing -> existing == cluster)) {
            replaced = java.util.stream.Stream.concat(replaced.stream(), java.util.stream.Stream.of(cluster)).toList();
        }
        return new FleetSnapshot(version + 1, now, replaced);
    }
}
