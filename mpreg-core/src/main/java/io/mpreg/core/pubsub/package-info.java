/**
 * Topic-based publish/subscribe on one node: AMQP-style topic patterns, the
 * exchange that serves the {@code pubsub-*} roles of the client protocol, a
 * time-windowed backlog for late subscribers and bounded per-connection
 * outbound queues for slow subscribers. The matching machinery lives in
 * {@code .internal}.
 */
@NullMarked
package io.mpreg.core.pubsub;

import org.jspecify.annotations.NullMarked;
