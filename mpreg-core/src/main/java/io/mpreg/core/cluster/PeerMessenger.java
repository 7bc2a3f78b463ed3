package io.mpreg.core.cluster;

/**
 * The cluster's only way out to the network: sends one message to a member
 * address. Inbound messages are handed to {@link ClusterNode#receive}.
 *
 * <p>Delivery is best effort, like UDP in SWIM: a message may be lost,
 * delayed or reordered, and {@code send} never blocks or throws for a peer
 * that cannot be reached (the protocol's probes find that out). A WebSocket
 * binding sends the message as one {@code fabric} frame over its peer link;
 * the simulated network delivers it on virtual time.
 */
@FunctionalInterface
public interface PeerMessenger {

    /** Sends a message to the member reachable at {@code address}. */
    void send(String address, ClusterMessage message);
}
