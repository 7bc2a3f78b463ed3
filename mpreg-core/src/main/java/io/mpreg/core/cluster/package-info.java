/**
 * The cluster: SWIM-style membership, gossip dissemination, the function
 * catalog and routing choice, independent of any transport.
 *
 * <p>A {@link io.mpreg.core.cluster.ClusterNode} talks to the network only
 * through a {@link io.mpreg.core.cluster.PeerMessenger}, reads time and runs
 * its timers only through a {@link io.mpreg.core.cluster.ClusterScheduler}
 * and draws randomness from an injected seeded generator, so the same logic
 * runs on real WebSocket links and on the deterministic simulated network of
 * {@code io.mpreg.core.cluster.sim}.
 */
@NullMarked
package io.mpreg.core.cluster;

import org.jspecify.annotations.NullMarked;
