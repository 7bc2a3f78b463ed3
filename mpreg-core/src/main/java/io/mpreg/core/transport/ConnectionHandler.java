package io.mpreg.core.transport;

import reactor.core.publisher.Flux;

/**
 * Serves one WebSocket connection: consumes its inbound text frames and
 * produces the frames to send back (replies and any pushed messages).
 *
 * <p>The transport is oblivious to what frames mean; the same handler serves
 * connections accepted by the core's Reactor Netty server and by a Spring
 * WebFlux endpoint. The returned {@code Flux} completes when the connection
 * should end (after the frames already emitted are written); the transport
 * cancels it when the peer goes away. If it fails, the connection is closed
 * at once, even with frames still unwritten (status 1013 for an
 * {@code OVERLOADED} failure such as a subscriber too slow to keep, else 1011).
 */
@FunctionalInterface
public interface ConnectionHandler {

    /** Serves a connection. */
    Flux<String> handle(ConnectionInfo connection, Flux<String> inbound);

    /**
     * Serves a connection like {@link #handle}, but in bytes where it can:
     * inbound messages may come as {@link Utf8Text}, the bytes read, which a
     * handler decoding bytes itself need not turn into a {@code String}; some
     * frames may be sent as {@code Utf8Text}, which a transport writing bytes
     * itself need not decode; and frames may be pushed through {@code outlet},
     * which the transport's writer pulls from their source as the socket
     * takes them. The core's server calls this; by default it is
     * {@link #handle}, with every inbound message as a {@code String}.
     */
    default Flux<? extends CharSequence> frames(ConnectionInfo connection, Flux<? extends CharSequence> inbound,
                                                ConnectionOutlet outlet) {
        return handle(connection, inbound.map(CharSequence::toString));
    }
}
