/** The machinery of the cluster protocol: member table, merge rules, probing, dissemination, anti-entropy. */
@NullMarked
package io.mpreg.core.cluster.internal;

import org.jspecify.annotations.NullMarked;
