/** Simulations of the cluster protocol at scale. */
@NullMarked
package io.mpreg.benchmarks.cluster;

import org.jspecify.annotations.NullMarked;
