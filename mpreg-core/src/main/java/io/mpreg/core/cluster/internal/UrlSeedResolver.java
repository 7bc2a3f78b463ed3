package io.mpreg.core.cluster.internal;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import io.mpreg.core.cluster.HostResolver;
import io.mpreg.core.cluster.SeedResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Expands seed URLs into one URL per resolved address. Literal IP hosts pass
 * through; names are resolved afresh on each call. URLs are validated at
 * construction, so a typo fails at start-up rather than at the first retry.
 */
public final class UrlSeedResolver implements SeedResolver {

    private static final Logger log = LoggerFactory.getLogger(UrlSeedResolver.class);

    private final List<URI> seeds;
    private final HostResolver resolver;

    public UrlSeedResolver(List<String> urls, HostResolver resolver) {
        this.resolver = Objects.requireNonNull(resolver, "resolver");
        List<URI> parsed = new ArrayList<>(urls.size());
        for (String url : urls) {
            parsed.add(parse(url));
        }
        this.seeds = List.copyOf(parsed);
    }

    @Override
    public List<String> resolve() {
        Set<String> addresses = new LinkedHashSet<>();
        for (URI seed : seeds) {
            String host = seed.getHost();
            if (isLiteralAddress(host)) {
                addresses.add(seed.toString());
                continue;
            }
            try {
                for (InetAddress address : resolver.resolve(host)) {
                    addresses.add(withHost(seed, address));
                }
            } catch (UnknownHostException e) {
                log.warn("seed host '{}' does not resolve (yet); will retry", host);
            }
        }
        return List.copyOf(addresses);
    }

    private static URI parse(String url) {
        Objects.requireNonNull(url, "seed url");
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme();
            if (!"ws".equals(scheme) && !"wss".equals(scheme)) {
                throw new IllegalArgumentException("seed '" + url + "' must be a ws:// or wss:// URL");
            }
            if (uri.getHost() == null || uri.getPort() < 0) {
                throw new IllegalArgumentException("seed '" + url + "' must name a host and a port");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("seed '" + url + "' is not a URL: " + e.getMessage(), e);
        }
    }

    private static boolean isLiteralAddress(String host) {
        return host.startsWith("[") || host.chars().allMatch(c -> Character.isDigit(c) || c == '.');
    }

    private static String withHost(URI seed, InetAddress address) {
        String host = address instanceof Inet6Address ? "[" + address.getHostAddress() + "]" : address.getHostAddress();
        String path = seed.getRawPath() == null ? "" : seed.getRawPath();
        return seed.getScheme() + "://" + host + ":" + seed.getPort() + path;
    }
}
