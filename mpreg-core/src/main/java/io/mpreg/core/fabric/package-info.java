/**
 * A node's cluster over WebSocket: its settings, the routing command runner
 * that runs each command on a member offering it, and the operators' view
 * ({@link io.mpreg.core.fabric.NodeCluster}). The peer links, remote calls and
 * fabric frame handling are machinery in {@code internal}. See docs/cluster.md.
 */
@NullMarked
package io.mpreg.core.fabric;

import org.jspecify.annotations.NullMarked;
