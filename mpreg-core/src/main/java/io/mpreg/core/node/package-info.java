/**
 * A node without Spring: serving connections by dispatching their frames to
 * the handler of each role, and the node's life cycle.
 */
@NullMarked
package io.mpreg.core.node;

import org.jspecify.annotations.NullMarked;
