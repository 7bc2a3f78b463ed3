package io.mpreg.core.node;

import io.mpreg.core.transport.ConnectionInfo;
import io.mpreg.core.wire.WireMessage;
import reactor.core.publisher.Flux;

/**
 * Takes part in the life of every connection a {@link FrameDispatcher}
 * serves, for subsystems that push frames to a connection on their own
 * initiative (pub/sub notifications, ...) or keep state per connection.
 *
 * <p>{@link #pushed} is called once when the connection opens; its frames are
 * merged into the connection's outgoing frames next to the replies, and
 * requested only as fast as the connection writes them, so a client that
 * stops reading holds them back (the subsystem decides what to do then). If
 * that stream fails, the connection ends. {@link #closed} is called once when
 * the connection has ended, for whatever reason.
 */
public interface ConnectionLifecycle {

    /** The frames to push to a newly opened connection, besides replies; empty by default. */
    default Flux<WireMessage> pushed(ConnectionInfo connection) {
        return Flux.empty();
    }

    /** The connection has ended; release what belongs to it. */
    default void closed(ConnectionInfo connection) {
    }
}
