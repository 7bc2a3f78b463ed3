package io.mpreg.core.cluster.internal;

import io.mpreg.core.cluster.ClusterPayload;

/** Sends a payload to an address, wrapped in this node's header with piggybacked gossip. */
@FunctionalInterface
interface Outbox {
    void send(String address, ClusterPayload payload);
}
