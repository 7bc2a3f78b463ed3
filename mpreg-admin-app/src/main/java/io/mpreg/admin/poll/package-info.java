/**
 * Polling of the watched clusters: {@link io.mpreg.admin.poll.ClusterPoller}
 * asks any node of a cluster for its {@code mpreg.cluster} report through an
 * {@link io.mpreg.client.MpregClient} over the cluster's seed URLs, and
 * {@link io.mpreg.admin.poll.NodeProbe} reads each member's Actuator health
 * and meters over HTTP.
 */
@NullMarked
package io.mpreg.admin.poll;

import org.jspecify.annotations.NullMarked;
