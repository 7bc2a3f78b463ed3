/**
 * A deterministic simulated network and virtual clock for running many
 * {@link io.mpreg.core.cluster.ClusterNode}s in one thread: configurable
 * latency, loss and partitions, all driven by one seed.
 */
@NullMarked
package io.mpreg.core.cluster.sim;

import org.jspecify.annotations.NullMarked;
