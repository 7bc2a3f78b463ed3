package io.mpreg.core.fabric;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.mpreg.core.cluster.ClusterConfig;
import io.mpreg.core.cluster.HostResolver;
import io.mpreg.core.cluster.RoutingPolicy;
import io.mpreg.core.cluster.SeedResolver;
import io.mpreg.core.transport.ReconnectBackoff;
import org.jspecify.annotations.Nullable;

/**
 * How a node takes part in a cluster; immutable, checked when built.
 * Clustering is on as soon as a cluster id or a seed is given
 * ({@link #enabled()}); a node without either runs alone.
 *
 * @param enabled         whether the node joins a cluster
 * @param protocol        membership timings and the cluster id ({@link ClusterConfig#clusterId()}, default {@code mpreg})
 * @param seeds           peer URLs to join through ({@code ws://host:port/mpreg}); a host name expands to every
 *                        address it resolves to and is re-resolved every {@link ClusterConfig#seedRefreshInterval()}
 * @param hostResolver    resolves seed host names (the system resolver unless replaced, e.g. in tests)
 * @param nodeId          the member id, unique in the cluster; {@code null}: the node's name
 * @param advertisedUrl   the URL peers and clients reach this node at; {@code null}: derived from the listener's
 *                        host and port (required when the node has no listener of its own)
 * @param managementUrl   the management (Actuator) URL announced in the catalog, or {@code null}
 * @param routing         how a command's node is chosen among those that match (random by default)
 * @param linkBackoff     delays between connection attempts of a peer link
 * @param breakerOpenTime how long a peer link stops trying after repeated connection failures
 */
public record ClusterSettings(boolean enabled, ClusterConfig protocol, List<String> seeds, HostResolver hostResolver,
        @Nullable String nodeId, @Nullable String advertisedUrl, @Nullable String managementUrl,
        RoutingPolicy routing, ReconnectBackoff linkBackoff, Duration breakerOpenTime) {

    /** The default cluster id. */
    public static final String DEFAULT_CLUSTER_ID = "mpreg";

    /** A node that runs alone. */
    public static final ClusterSettings DISABLED = builder().build();

    public ClusterSettings {
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(hostResolver, "hostResolver");
        Objects.requireNonNull(routing, "routing");
        Objects.requireNonNull(linkBackoff, "linkBackoff");
        Objects.requireNonNull(breakerOpenTime, "breakerOpenTime");
        seeds = List.copyOf(seeds);
        SeedResolver.of(seeds, hostResolver);
        requireUrl(advertisedUrl, "advertisedUrl", "ws://", "wss://");
        requireUrl(managementUrl, "managementUrl", "http://", "https://");
        if (nodeId != null && nodeId.isBlank()) {
            throw new IllegalArgumentException("nodeId must not be blank");
        }
        if (breakerOpenTime.isNegative() || breakerOpenTime.isZero()) {
            throw new IllegalArgumentException("breakerOpenTime must be positive but was " + breakerOpenTime);
        }
    }

    /** A builder: disabled until a cluster id or a seed is given. */
    public static Builder builder() {
        return new Builder();
    }

    /** The cluster id. */
    public String clusterId() {
        return protocol.clusterId();
    }

    /** The seeds as a resolver (names resolved afresh on every call). */
    public SeedResolver seedResolver() {
        return SeedResolver.of(seeds, hostResolver);
    }

    /** A builder holding these settings. */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.enabled = enabled;
        builder.protocol = protocol;
        builder.seeds.addAll(seeds);
        builder.hostResolver = hostResolver;
        builder.nodeId = nodeId;
        builder.advertisedUrl = advertisedUrl;
        builder.managementUrl = managementUrl;
        builder.routing = routing;
        builder.linkBackoff = linkBackoff;
        builder.breakerOpenTime = breakerOpenTime;
        return builder;
    }

    private static void requireUrl(@Nullable String url, String field, String... schemes) {
        if (url == null) {
            return;
        }
        for (String scheme : schemes) {
            if (url.startsWith(scheme) && url.length() > scheme.length()) {
                return;
            }
        }
        throw new IllegalArgumentException(field + " must start with " + String.join(" or ", schemes)
                + " but was '" + url + "'");
    }

    /** Builds {@link ClusterSettings}; every setter checks its value at once. */
    public static final class Builder {
        private boolean enabled;
        private ClusterConfig protocol = ClusterConfig.defaults(DEFAULT_CLUSTER_ID);
        private final List<String> seeds = new ArrayList<>();
        private HostResolver hostResolver = HostResolver.SYSTEM;
        private @Nullable String nodeId;
        private @Nullable String advertisedUrl;
        private @Nullable String managementUrl;
        private RoutingPolicy routing = RoutingPolicy.DEFAULT;
        private ReconnectBackoff linkBackoff = new ReconnectBackoff(Duration.ofMillis(50), Duration.ofSeconds(2), 0.2);
        private Duration breakerOpenTime = Duration.ofSeconds(2);

        private Builder() {
        }

        /** The cluster id (turns clustering on); nodes of other ids are refused. */
        public Builder clusterId(String clusterId) {
            if (clusterId == null || clusterId.isBlank()) {
                throw new IllegalArgumentException("clusterId must not be blank");
            }
            protocol = protocol.toBuilder().clusterId(clusterId).build();
            enabled = true;
            return this;
        }

        /** Membership timings; their cluster id is kept if one was given before, else theirs is used. */
        public Builder protocol(ClusterConfig config) {
            Objects.requireNonNull(config, "config");
            protocol = enabled ? config.toBuilder().clusterId(protocol.clusterId()).build() : config;
            return this;
        }

        /** Seed URLs (turns clustering on when any is given); checked now. */
        public Builder seeds(List<String> urls) {
            SeedResolver.of(urls, hostResolver);
            seeds.clear();
            seeds.addAll(urls);
            enabled |= !urls.isEmpty();
            return this;
        }

        /** Seed URLs (turns clustering on when any is given). */
        public Builder seeds(String... urls) {
            return seeds(List.of(urls));
        }

        /** How seed host names are resolved. */
        public Builder hostResolver(HostResolver resolver) {
            hostResolver = Objects.requireNonNull(resolver, "resolver");
            return this;
        }

        /** The member id (default: the node's name). */
        public Builder nodeId(String id) {
            if (id == null || id.isBlank()) {
                throw new IllegalArgumentException("nodeId must not be blank");
            }
            nodeId = id;
            return this;
        }

        /** The URL peers and clients reach this node at. */
        public Builder advertisedUrl(String url) {
            requireUrl(Objects.requireNonNull(url, "url"), "advertisedUrl", "ws://", "wss://");
            advertisedUrl = url;
            return this;
        }

        /** The management URL announced in the catalog. */
        public Builder managementUrl(String url) {
            requireUrl(Objects.requireNonNull(url, "url"), "managementUrl", "http://", "https://");
            managementUrl = url;
            return this;
        }

        /** How a command's node is chosen among those that match. */
        public Builder routing(RoutingPolicy policy) {
            routing = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /** Delays between connection attempts of a peer link. */
        public Builder linkBackoff(ReconnectBackoff backoff) {
            linkBackoff = Objects.requireNonNull(backoff, "backoff");
            return this;
        }

        /** How long a peer link stops trying after repeated connection failures. */
        public Builder breakerOpenTime(Duration duration) {
            Objects.requireNonNull(duration, "duration");
            if (duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException("breakerOpenTime must be positive but was " + duration);
            }
            breakerOpenTime = duration;
            return this;
        }

        /** The settings. */
        public ClusterSettings build() {
            return new ClusterSettings(enabled, protocol, seeds, hostResolver, nodeId, advertisedUrl, managementUrl,
                    routing, linkBackoff, breakerOpenTime);
        }
    }
}
