package io.mpreg.core.transport;

import java.time.Duration;
import java.util.Objects;

import io.mpreg.core.transport.internal.ReactorClientConnection;
import io.mpreg.core.transport.internal.SessionSettings;
import reactor.core.publisher.Mono;

/**
 * The specification of WebSocket client connections; immutable, every
 * setting returns a new spec, and {@link #connect(String)} opens a connection.
 *
 * <p>Defaults: frames up to 20 MiB, a ping every 20 s, the connection closed
 * after 60 s without any inbound frame (the server's pings count), 5 s to
 * connect. {@code wss://} URLs use TLS with the JVM's trust store.
 */
public final class WebSocketClient {

    private final SessionSettings session;
    private final Duration connectTimeout;

    private WebSocketClient(SessionSettings session, Duration connectTimeout) {
        this.session = session;
        this.connectTimeout = connectTimeout;
    }

    /** A spec with the defaults. */
    public static WebSocketClient create() {
        return new WebSocketClient(SessionSettings.DEFAULTS, Duration.ofSeconds(5));
    }

    /** The largest inbound message accepted, in bytes, after joining its fragments. */
    public WebSocketClient maxFrameSize(int bytes) {
        return new WebSocketClient(session.withMaxFrameSize(bytes), connectTimeout);
    }

    /** How often the client pings the server. */
    public WebSocketClient pingInterval(Duration interval) {
        return new WebSocketClient(session.withPingInterval(interval), connectTimeout);
    }

    /** How long the connection may stay silent before the client closes it. */
    public WebSocketClient idleTimeout(Duration timeout) {
        return new WebSocketClient(session.withIdleTimeout(timeout), connectTimeout);
    }

    /** How long opening the TCP connection may take. */
    public WebSocketClient connectTimeout(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("connectTimeout must be positive but was " + timeout);
        }
        return new WebSocketClient(session, timeout);
    }

    /**
     * Opens a connection to a {@code ws://} or {@code wss://} URL. The
     * {@code Mono} emits once the WebSocket handshake is done, or fails with an
     * {@link io.mpreg.core.error.MpregException} of kind {@code NODE_LOST}
     * naming the URL when the server cannot be reached or refuses the upgrade.
     *
     * @throws IllegalArgumentException if the URL is not a WebSocket URL
     */
    public Mono<WebSocketClientConnection> connect(String url) {
        return ReactorClientConnection.connect(url, session, connectTimeout);
    }
}
