/** Actuator endpoints of MPREG: {@code mpreg}, the node, its cluster and the catalog. */
@NullMarked
package io.mpreg.spring.actuate;

import org.jspecify.annotations.NullMarked;
