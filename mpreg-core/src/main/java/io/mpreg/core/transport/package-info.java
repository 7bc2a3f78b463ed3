/**
 * WebSocket transport over Reactor Netty: a server that hands each
 * connection to a {@link io.mpreg.core.transport.ConnectionHandler}, and a
 * client connection. Netty types stay inside this package.
 */
@NullMarked
package io.mpreg.core.transport;

import org.jspecify.annotations.NullMarked;
