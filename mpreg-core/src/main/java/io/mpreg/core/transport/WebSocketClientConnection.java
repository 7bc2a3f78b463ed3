package io.mpreg.core.transport;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * One open client-side WebSocket connection, as returned by
 * {@link WebSocketClient#connect(String)}: send text frames from any thread,
 * read the inbound ones, learn when it ends.
 *
 * <p>Frames handed to {@link #send(String)} are queued and written by the
 * connection's event loop in the order each thread sent them; all frames
 * queued by the time it gets to them go out in one write and one flush. Inbound messages are joined
 * from their fragments up to the frame limit.
 */
public interface WebSocketClientConnection extends AutoCloseable {

    /** The URL this connection was opened to. */
    String url();

    /**
     * Queues one text frame.
     *
     * @return {@code false} if the connection is already closed (the frame is dropped)
     */
    boolean send(String frame);

    /**
     * The inbound messages, for exactly one subscriber; messages that arrive
     * before it subscribes are kept. Completes when the connection ends.
     * Emitted on the connection's event loop: move work off it.
     */
    Flux<String> inbound();

    /** Completes when the connection has ended, for whatever reason. */
    Mono<Void> onClose();

    /** Whether the connection is still open. */
    boolean isOpen();

    /** A snapshot of this connection's counters. */
    TransportStats stats();

    /** Closes the connection (status 1000); frames still queued may be dropped. */
    @Override
    void close();
}
