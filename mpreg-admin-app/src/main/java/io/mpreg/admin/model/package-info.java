/**
 * The live model of the watched clusters: the report a node gives of its
 * cluster ({@link io.mpreg.admin.model.ClusterReport}, the JSON of the
 * {@code mpreg.cluster} function), the health and metrics read from each
 * node's Actuator, and the immutable {@link io.mpreg.admin.model.FleetSnapshot}
 * that {@link io.mpreg.admin.model.FleetModel} swaps atomically and announces.
 */
@NullMarked
package io.mpreg.admin.model;

import org.jspecify.annotations.NullMarked;
