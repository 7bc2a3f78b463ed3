package io.mpreg.admin.poll;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A cluster the admin app watches.
 *
 * @param name         its name in the UI, the API and alert labels
 * @param seeds        node URLs to reach it by, in failover order
 * @param region       where it runs, to group it in the topology
 * @param pollInterval how often it is polled
 * @param pollTimeout  how long one {@code mpreg.cluster} call may take
 */
public record WatchedCluster(String name, List<String> seeds, @Nullable String region, Duration pollInterval,
        Duration pollTimeout) {

    public WatchedCluster {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("cluster name must not be blank");
        }
        seeds = List.copyOf(seeds);
        if (seeds.isEmpty()) {
            throw new IllegalArgumentException("cluster '" + name + "' needs at least one seed URL");
        }
        if (pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("poll interval of cluster '" + name + "' must be positive");
        }
        Objects.requireNonNull(pollTimeout, "pollTimeout");
    }
}
