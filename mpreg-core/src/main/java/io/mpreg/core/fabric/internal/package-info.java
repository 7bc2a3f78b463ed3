/** Peer links, remote calls, the fabric frame handler and introspection of a clustered node. */
@NullMarked
package io.mpreg.core.fabric.internal;

import org.jspecify.annotations.NullMarked;
