/**
 * The {@code cluster-demo} profile: a data pipeline whose four stages run on
 * four different nodes (each stage is offered only by a node holding its
 * resource tag), a function offered by every {@code worker} node to watch
 * calls spread, and an HTTP endpoint that registers functions at runtime.
 * The process-cluster suite ({@code *IT}) runs on it.
 */
@NullMarked
package io.mpreg.server.cluster;

import org.jspecify.annotations.NullMarked;
