/**
 * The Reactor Netty machinery behind the transport's public API: binding,
 * connecting, frame aggregation, keep-alive and counters. Nothing outside
 * {@code io.mpreg.core.transport} uses these types.
 */
@NullMarked
package io.mpreg.core.transport.internal;

import org.jspecify.annotations.NullMarked;
