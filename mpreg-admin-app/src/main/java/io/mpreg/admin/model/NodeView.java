package io.mpreg.admin.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * One node of a watched cluster as the admin app sees it now: what the
 * cluster says of it, plus its own Actuator health and metrics.
 *
 * @param id            the member id
 * @param cluster       the name of the watched cluster it belongs to
 * @param region        the cluster's region, if configured
 * @param status        the member's state
 * @param statusSince   when the admin app first saw it in this state
 * @param incarnation   its incarnation number
 * @param resources     its resource tags
 * @param load          its advertised load
 * @param url           its WebSocket URL
 * @param managementUrl its Actuator base URL
 * @param lastSeenMillisAgo how long before the poll the reporting node had heard from it
 * @param functions     the names of the functions it offers
 * @param health        its Actuator health
 * @param metrics       its meters
 */
public record NodeView(String id, String cluster, @Nullable String region, MemberStatus status, Instant statusSince,
        long incarnation, List<String> resources, double load, @Nullable String url, @Nullable String managementUrl,
        long lastSeenMillisAgo, List<String> functions, NodeHealth health, NodeMetrics metrics) {

    public NodeView {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(statusSince, "statusSince");
        resources = List.copyOf(resources);
        functions = List.copyOf(functions);
        Objects.requireNonNull(health, "health");
        Objects.requireNonNull(metrics, "metrics");
    }
}
