/**
 * Auto-configuration of MPREG: the embedded node, the client, the WebFlux
 * WebSocket endpoint, health indicators and Micrometer meters.
 */
@NullMarked
package io.mpreg.spring.autoconfigure;

import org.jspecify.annotations.NullMarked;
