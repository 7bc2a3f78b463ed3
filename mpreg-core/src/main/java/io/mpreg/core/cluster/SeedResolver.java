package io.mpreg.core.cluster;

import java.util.List;

import io.mpreg.core.cluster.internal.UrlSeedResolver;

/**
 * Where a node looks for its cluster: the peer URLs of some members.
 *
 * <p>Called again every {@link ClusterConfig#seedRefreshInterval()} (and on
 * every join retry), so a DNS name that resolves to the pods of a Kubernetes
 * headless Service follows them as they come and go.
 */
@FunctionalInterface
public interface SeedResolver {

    /** No seeds: the node starts a cluster of its own. */
    SeedResolver NONE = List::of;

    /** The current seed addresses (peer URLs); never throws, an unresolvable seed is skipped and logged. */
    List<String> resolve();

    /**
     * Seeds from WebSocket URLs, such as {@code ws://node-1:7070/mpreg}. A URL whose
     * host is a name is re-resolved on every call and expands to one URL per
     * address it resolves to (a DNS name of several nodes gives all of them).
     */
    static SeedResolver of(List<String> urls, HostResolver resolver) {
        return new UrlSeedResolver(urls, resolver);
    }

    /** Seeds from WebSocket URLs, resolved with the system resolver. */
    static SeedResolver of(String... urls) {
        return new UrlSeedResolver(List.of(urls), HostResolver.SYSTEM);
    }
}
