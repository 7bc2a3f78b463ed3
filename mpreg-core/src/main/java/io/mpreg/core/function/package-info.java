/**
 * The functions a node offers: their descriptors, the registry that holds
 * them, the invokers that call them (with argument binding and a bounded pool
 * for blocking code) and the local command runner.
 */
@NullMarked
package io.mpreg.core.function;

import org.jspecify.annotations.NullMarked;
