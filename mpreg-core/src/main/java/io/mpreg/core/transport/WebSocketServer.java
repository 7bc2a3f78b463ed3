package io.mpreg.core.transport;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

import javax.net.ssl.KeyManagerFactory;

import io.mpreg.core.transport.internal.ReactorWebSocketServer;
import io.mpreg.core.transport.internal.ServerSettings;
import io.mpreg.core.transport.internal.SessionSettings;
import io.mpreg.core.transport.internal.WebSocketConnections;

/**
 * The specification of a WebSocket server; immutable, every setting returns a
 * new spec, and {@link #bind()} starts a server from it.
 *
 * <pre>{@code
 * BoundServer server = WebSocketServer.create()
 *         .host("127.0.0.1").port(0)
 *         .handler(myHandler)
 *         .bind();
 * }</pre>
 *
 * <p>Defaults: host {@code 0.0.0.0} (every interface), port 9001, paths
 * {@code /mpreg} and {@code /} (original MPREG clients connect without a
 * path), frames up to 20 MiB, a ping every 20 s, connections closed after
 * 60 s without any inbound frame (pongs count).
 *
 * <p>Inbound messages reach the handler on the connection's event loop, as a
 * Spring WebFlux endpoint hands them over too: the handler decides what to
 * move elsewhere, and must move anything that may block.
 *
 * <p>Each inbound message is aggregated from its fragments up to the frame
 * limit; a larger one closes its connection with status 1009 and is counted in
 * {@link TransportStats#oversizeCloses()}; the other connections are not affected.
 */
public final class WebSocketServer {

    /** The product's default port. */
    public static final int DEFAULT_PORT = 9001;

    private final ServerSettings settings;

    private WebSocketServer(ServerSettings settings) {
        this.settings = settings;
    }

    /** A spec with the defaults. */
    public static WebSocketServer create() {
        return new WebSocketServer(new ServerSettings("0.0.0.0", DEFAULT_PORT, List.of("/mpreg", "/"),
                SessionSettings.DEFAULTS, Duration.ofSeconds(10), null, null));
    }

    /** Listens on this interface (a host name or address). */
    public WebSocketServer host(String host) {
        return new WebSocketServer(settings.withHost(Objects.requireNonNull(host, "host")));
    }

    /** Listens on this port; 0 picks a free one, read it back with {@link BoundServer#port()}. */
    public WebSocketServer port(int port) {
        return new WebSocketServer(settings.withPort(port));
    }

    /** Accepts the WebSocket upgrade on these paths (each starting with {@code /}). */
    public WebSocketServer paths(String... paths) {
        return new WebSocketServer(settings.withPaths(List.of(paths)));
    }

    /** The largest message accepted, in bytes, after joining its fragments. */
    public WebSocketServer maxFrameSize(int bytes) {
        return new WebSocketServer(settings.withSession(settings.session().withMaxFrameSize(bytes)));
    }

    /** How often the server pings each connection. */
    public WebSocketServer pingInterval(Duration interval) {
        return new WebSocketServer(settings.withSession(settings.session().withPingInterval(interval)));
    }

    /** How long a connection may stay silent before the server closes it; keep it above the ping interval. */
    public WebSocketServer idleTimeout(Duration timeout) {
        return new WebSocketServer(settings.withSession(settings.session().withIdleTimeout(timeout)));
    }

    /** How long {@link #bind()} may wait for the port. */
    public WebSocketServer bindTimeout(Duration timeout) {
        return new WebSocketServer(settings.withBindTimeout(timeout));
    }

    /**
     * Serves {@code wss://} (TLS) with the key and certificate chain of these
     * key managers, e.g. from a PKCS#12 key store; the framing is unchanged.
     */
    public WebSocketServer tls(KeyManagerFactory keyManagers) {
        return new WebSocketServer(settings.withKeyManagers(Objects.requireNonNull(keyManagers, "keyManagers")));
    }

    /** Serves each accepted connection with this handler. */
    public WebSocketServer handler(ConnectionHandler handler) {
        return new WebSocketServer(settings.withHandler(Objects.requireNonNull(handler, "handler")));
    }

    /**
     * Binds the server and returns once it listens.
     *
     * @throws NullPointerException if no handler was set
     * @throws RuntimeException     if the port cannot be bound in time
     */
    public BoundServer bind() {
        return ReactorWebSocketServer.bind(settings);
    }

    /**
     * An endpoint serving connections another server accepts, with this spec's
     * handler, frame limit and keep-alive timings.
     *
     * @throws NullPointerException if no handler was set
     */
    public WebSocketEndpoint endpoint() {
        ConnectionHandler handler = Objects.requireNonNull(settings.handler(),
                "a ConnectionHandler is required: call handler(...) before endpoint()");
        return new WebSocketEndpoint(new WebSocketConnections(settings.session(), handler));
    }
}
