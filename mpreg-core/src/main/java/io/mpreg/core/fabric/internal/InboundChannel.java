package io.mpreg.core.fabric.internal;

import io.mpreg.core.cluster.ClusterMessage;
import io.mpreg.core.wire.WireMessage;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;
import tools.jackson.core.JsonGenerator;

/**
 * A connection a peer dialed to this node, once its first fabric message has
 * said who the peer is: this node can send to the peer over it instead of
 * dialing a connection of its own. Frames pushed here join the replies the
 * connection's dispatcher sends, in the order they are pushed.
 */
final class InboundChannel {

    /** A frame already encoded (and counted) by the sender, written as it is. */
    private record EncodedFrame(String text) implements WireMessage {
        @Override
        public String role() {
            return ClusterMessage.ROLE;
        }

        @Override
        public @Nullable String u() {
            return null;
        }

        @Override
        public void writeTo(JsonGenerator generator) {
            generator.writeRawValue(text);
        }
    }

    private final String connectionId;
    private final String peerId;
    private final String address;
    private volatile @Nullable FluxSink<WireMessage> sink;
    private volatile boolean closed;

    InboundChannel(String connectionId, String peerId, String address) {
        this.connectionId = connectionId;
        this.peerId = peerId;
        this.address = address;
    }

    String connectionId() {
        return connectionId;
    }

    /** The member id of the peer that dialed. */
    String peerId() {
        return peerId;
    }

    /** The peer's advertised address. */
    String address() {
        return address;
    }

    /**
     * The frames to send on the connection, for its dispatcher to merge into its replies; ends when
     * {@link #close()} is called.
     *
     * @param ready told once the connection's dispatcher subscribed: from then on {@link #send} works
     */
    Flux<WireMessage> frames(Runnable ready) {
        // Flux.create's sink takes frames from several threads at once, without a lock.
        return Flux.create(subscribed -> {
            sink = subscribed;
            if (closed) {
                subscribed.complete();
            } else {
                ready.run();
            }
        });
    }

    /**
     * Queues a frame for the connection.
     *
     * @return false if the connection has ended or is not served yet
     */
    boolean send(String frame) {
        FluxSink<WireMessage> open = sink;
        if (open == null || closed || open.isCancelled()) {
            return false;
        }
        open.next(new EncodedFrame(frame));
        return true;
    }

    /** Stops sending on this connection (the connection itself stays with its dispatcher). */
    void close() {
        closed = true;
        FluxSink<WireMessage> open = sink;
        if (open != null) {
            open.complete();
        }
    }

    @Override
    public String toString() {
        return "inbound connection " + connectionId + " from " + peerId;
    }
}
