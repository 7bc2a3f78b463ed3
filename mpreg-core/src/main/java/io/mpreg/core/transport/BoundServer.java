package io.mpreg.core.transport;

import java.time.Duration;

import reactor.core.publisher.Mono;

/**
 * A listening WebSocket server, as returned by {@link WebSocketServer#bind()}.
 *
 * <p>Closing stops accepting connections; {@link #closeGracefully(Duration)}
 * also asks open connections to close (status 1001, "going away") and waits
 * for them up to the given time before cutting them.
 */
public interface BoundServer extends AutoCloseable {

    /** The host the server listens on. */
    String host();

    /** The port the server listens on (the real one when bound to port 0). */
    int port();

    /** A snapshot of the server's counters. */
    TransportStats stats();

    /** Stops the server and closes its connections, waiting for them at most the given time. */
    Mono<Void> closeGracefully(Duration timeout);

    /** Stops the server now, closing every connection; waits at most a few seconds. */
    @Override
    void close();
}
