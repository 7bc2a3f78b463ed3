package io.mpreg.core.fabric.internal;

import io.mpreg.core.cluster.ClusterMessage;
import io.mpreg.core.wire.WireMessage;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
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
    private final Sinks.Many<WireMessage> frames = Sinks.many().unicast().onBackpressureBuffer();

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

    /** The frames to send on the connection; ends when {@link #close()} is called. */
    Flux<WireMessage> frames() {
        return frames.asFlux();
    }

    /**
     * Queues a frame for the connection.
     *
     * @return false if the connection has ended
     */
    boolean send(String frame) {
        // Several threads send to one peer; the sink needs its emissions serialized.
        synchronized (frames) {
            return frames.tryEmitNext(new EncodedFrame(frame)).isSuccess();
        }
    }

    /** Stops sending on this connection (the connection itself stays with its dispatcher). */
    void close() {
        synchronized (frames) {
            frames.tryEmitComplete();
        }
    }

    @Override
    public String toString() {
        return "inbound connection " + connectionId + " from " + peerId;
    }
}
