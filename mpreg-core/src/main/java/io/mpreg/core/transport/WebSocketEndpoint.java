package io.mpreg.core.transport;

import java.time.Duration;
import java.util.Objects;

import io.mpreg.core.transport.internal.WebSocketConnections;
import reactor.core.publisher.Mono;
import reactor.netty.http.websocket.WebsocketInbound;
import reactor.netty.http.websocket.WebsocketOutbound;

/**
 * Serves WebSocket connections that another Reactor Netty server accepted and
 * upgraded, such as a Spring WebFlux application's, exactly as a
 * {@link WebSocketServer} serves its own: the same frame limit, keep-alive and
 * idle timeout, and the same batched writes. Made by
 * {@link WebSocketServer#endpoint()}, which ignores the spec's host, port,
 * paths and TLS (they belong to the server that accepts).
 */
public final class WebSocketEndpoint {

    private final WebSocketConnections connections;

    WebSocketEndpoint(WebSocketConnections connections) {
        this.connections = connections;
    }

    /**
     * Serves one upgraded connection; the returned {@code Mono} completes when
     * the connection ends. Return it from the server's WebSocket handler.
     */
    public Mono<Void> serve(WebsocketInbound inbound, WebsocketOutbound outbound) {
        return connections.serve(Objects.requireNonNull(inbound, "inbound"), Objects.requireNonNull(outbound, "outbound"));
    }

    /** A snapshot of the counters of the connections served here. */
    public TransportStats stats() {
        return connections.stats();
    }

    /**
     * Asks the open connections to close (1001, "going away") and closes new
     * ones at once; completes when they have closed, cutting those still open
     * after {@code timeout}.
     */
    public Mono<Void> closeGracefully(Duration timeout) {
        return connections.closeAll(timeout);
    }
}
