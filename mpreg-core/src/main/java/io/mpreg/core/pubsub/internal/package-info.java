/**
 * Machinery behind {@link io.mpreg.core.pubsub.PubSubExchange}: the topic
 * index (trie plus match cache), the backlog and the per-connection outbox.
 * Public only so the exchange and the benchmarks can reach it; not an API.
 */
@NullMarked
package io.mpreg.core.pubsub.internal;

import org.jspecify.annotations.NullMarked;
