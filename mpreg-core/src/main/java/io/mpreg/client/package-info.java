/**
 * The reactive MPREG client: {@link io.mpreg.client.MpregClient} sends RPC
 * requests to one node of a cluster over WebSocket, with failover between
 * several node URLs, and {@link io.mpreg.client.BlockingMpregClient} does
 * the same for code that is not reactive.
 */
@NullMarked
package io.mpreg.client;

import org.jspecify.annotations.NullMarked;
