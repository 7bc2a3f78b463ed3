package io.mpreg.core.node;

import io.mpreg.core.transport.ConnectionInfo;
import io.mpreg.core.transport.ConnectionOutlet;
import reactor.core.publisher.Mono;

/**
 * Takes part in the life of every connection a {@link FrameDispatcher}
 * serves, for subsystems that push frames to a connection on their own
 * initiative (pub/sub notifications, ...) or keep state per connection.
 *
 * <p>{@link #opened} is called once when the connection opens, with the
 * connection's outlet: frames of a source attached there are written next to
 * the replies, pulled only as fast as the connection writes them, so a client
 * that stops reading holds them back in their source (the subsystem decides
 * what to do then). {@link #closed} is called once when the connection has
 * ended, for whatever reason.
 */
public interface ConnectionLifecycle {

    /**
     * A connection has opened; attach what it should push to {@code outlet}.
     * Nothing by default.
     *
     * @return a {@code Mono} that fails when the connection must end at once
     *         (its frames still waiting are then dropped); it need not complete
     */
    default Mono<Void> opened(ConnectionInfo connection, ConnectionOutlet outlet) {
        return Mono.never();
    }

    /** The connection has ended; release what belongs to it. */
    default void closed(ConnectionInfo connection) {
    }
}
