/**
 * Dependency-resolving RPC: planning a request's reference graph and
 * executing it as dataflow.
 */
@NullMarked
package io.mpreg.core.rpc;

import org.jspecify.annotations.NullMarked;
