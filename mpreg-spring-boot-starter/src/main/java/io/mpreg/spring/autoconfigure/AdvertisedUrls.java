package io.mpreg.spring.autoconfigure;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * The URLs a node announces to its cluster when it is served by the
 * application's web server: known only once that server is bound, since
 * {@code server.port=0} picks the port then.
 *
 * <p>The host is {@code server.address} when it names one interface, else the
 * address this machine's host name resolves to (a pod's IP on Kubernetes).
 * The management URL uses {@code management.server.port} when Actuator has a
 * port of its own, and the Actuator base path.
 */
final class AdvertisedUrls {

    private static final String DEFAULT_ACTUATOR_PATH = "/actuator";

    private final Environment environment;
    private final Supplier<String> localAddress;

    AdvertisedUrls(Environment environment, Supplier<String> localAddress) {
        this.environment = Objects.requireNonNull(environment, "environment");
        this.localAddress = Objects.requireNonNull(localAddress, "localAddress");
    }

    /** Derives the host from this machine's name when {@code server.address} does not give one. */
    static AdvertisedUrls of(Environment environment) {
        return new AdvertisedUrls(environment, AdvertisedUrls::hostAddress);
    }

    /** The node's URL: the configured one, else {@code ws://host:port/mpreg} on the bound port. */
    String nodeUrl(@Nullable String configured, int boundPort) {
        if (StringUtils.hasText(configured)) {
            return configured;
        }
        return (secure("server.ssl") ? "wss://" : "ws://") + host() + ":" + boundPort + "/mpreg";
    }

    /**
     * The management URL: the configured one, else Actuator's base URL on the
     * management port (the bound port when Actuator shares it), or
     * {@code null} when Actuator listens on a random port of its own.
     */
    @Nullable String managementUrl(@Nullable String configured, int boundPort) {
        if (StringUtils.hasText(configured)) {
            return configured;
        }
        Integer managementPort = environment.getProperty("management.server.port", Integer.class);
        boolean separate = managementPort != null && managementPort != boundPort;
        if (separate && managementPort <= 0) {
            return null;
        }
        String prefix = separate ? environment.getProperty("management.server.base-path", "")
                : environment.getProperty("spring.webflux.base-path", "");
        String actuator = environment.getProperty("management.endpoints.web.base-path", DEFAULT_ACTUATOR_PATH);
        String scheme = secure(separate ? "management.server.ssl" : "server.ssl") ? "https://" : "http://";
        return scheme + host() + ":" + (separate ? managementPort : boundPort) + trimSlash(prefix) + trimSlash(actuator);
    }

    private String host() {
        String address = environment.getProperty("server.address");
        String host = StringUtils.hasText(address) && !isWildcard(address) ? address : localAddress.get();
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    private boolean secure(String sslPrefix) {
        boolean configured = StringUtils.hasText(environment.getProperty(sslPrefix + ".bundle"))
                || StringUtils.hasText(environment.getProperty(sslPrefix + ".key-store"))
                || StringUtils.hasText(environment.getProperty(sslPrefix + ".certificate"));
        return configured && environment.getProperty(sslPrefix + ".enabled", Boolean.class, true);
    }

    private static boolean isWildcard(String address) {
        return "0.0.0.0".equals(address) || "::".equals(address) || "0:0:0:0:0:0:0:0".equals(address);
    }

    private static String trimSlash(String path) {
        if (path.isEmpty() || "/".equals(path)) {
            return "";
        }
        String leading = path.startsWith("/") ? path : "/" + path;
        return leading.endsWith("/") ? leading.substring(0, leading.length() - 1) : leading;
    }

    private static String hostAddress() {
        try {
            return InetAddress.getLocalHost().getHostAddress();
        }
        catch (UnknownHostException unresolvable) {
            return InetAddress.getLoopbackAddress().getHostAddress();
        }
    }
}
