package io.mpreg.client;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.mpreg.core.pubsub.PubSubMessage;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;

/**
 * A reactive client of an MPREG cluster, over one WebSocket connection to one
 * of its nodes.
 *
 * <pre>{@code
 * try (MpregClient client = MpregClient.connect("ws://127.0.0.1:9001/mpreg")) {
 *     String echoed = client.call("echo", String.class, "hi").block();
 *     Map<String, Object> results = client.request(List.of(
 *             RpcCommand.of("|first", "echo", "hi there!"),
 *             RpcCommand.of("|second", "echos", "|first", "AND ME TOO"))).block();
 * }
 * }</pre>
 *
 * <h2>Connection</h2>
 * The connection is opened lazily, by the first call, to the first reachable
 * URL (trying them in order, starting with the one that worked last). Many
 * requests share it, each matched to its reply by a fresh ULID. When it drops,
 * every call waiting on it fails at once with {@code NODE_LOST} naming the URL,
 * and the next call connects again: each round tries every URL, rounds are
 * separated by an exponential backoff with jitter, and after the configured
 * number of rounds the call fails with {@code NODE_LOST}. Calls are not
 * retried by the client, since a lost call may or may not have run.
 *
 * <h2>Results and errors</h2>
 * Results are converted to the requested type with the client's Jackson
 * mapper (records, lists, maps, scalars); a JSON {@code null} result
 * completes the {@code Mono} empty. A node's error reply fails the call with
 * an {@link io.mpreg.core.error.MpregException} carrying its code, kind,
 * message and details; no reply within the request's timeout (plus a short
 * grace) fails it with {@code TIMEOUT}.
 *
 * <h2>Publish and subscribe</h2>
 * {@link #publish} sends a message on a topic and completes when the node has
 * acknowledged it (retained and queued for its subscribers).
 * {@link #subscribe} returns the messages matching AMQP-style patterns
 * ({@code *} one word, {@code #} any number of words):
 * <pre>{@code
 * Disposable feed = client.subscribe("sensors.*.building1.#")
 *         .subscribe(message -> show(message.topic(), message.payload()));
 * client.publish("sensors.temperature.building1.floor2", Map.of("value", 23.5)).block();
 * feed.dispose();   // unsubscribes at the node
 * }</pre>
 * Each subscription is registered when its {@code Flux} is subscribed and
 * ended at the node when it is cancelled. Messages wait in a bounded buffer
 * per subscription ({@link MpregClientBuilder#subscriptionBuffer}, 10,000 by
 * default) until the subscriber requests them; when it is full the oldest
 * is dropped, so a slow subscriber never holds up the connection's RPC
 * replies or the other subscriptions. When the connection drops, the client
 * connects again at once (with the usual rounds and backoff) and registers
 * every live subscription again; messages published while it was away are
 * not replayed. If no node can be reached, the subscriptions fail with
 * {@code NODE_LOST}. A publish by this client issued after a subscription's
 * {@code Flux} was subscribed reaches the node after that subscription.
 *
 * <h2>Threads</h2>
 * Replies are read and calls completed on the client's scheduler (Reactor's
 * parallel scheduler unless configured), never on the network event loop.
 */
public interface MpregClient extends AutoCloseable {

    /** A client with default options over the given node URLs ({@code ws://} or {@code wss://}), in failover order. */
    static MpregClient connect(String... urls) {
        return builder().urls(urls).build();
    }

    /** A builder for a client with options. */
    static MpregClientBuilder builder() {
        return new MpregClientBuilder();
    }

    /**
     * Calls one function with positional arguments and converts its result.
     *
     * @param function   the registered function's name
     * @param resultType what to convert the result to ({@code Object.class} for plain maps and lists)
     */
    <T> Mono<T> call(String function, Class<T> resultType, @Nullable Object... args);

    /** Runs one command (with kwargs or resource constraints) and converts its result. */
    <T> Mono<T> call(RpcCommand command, Class<T> resultType);

    /** Runs one command and converts its result to a generic type such as {@code List<Point>}. */
    <T> Mono<T> call(RpcCommand command, TypeReference<T> resultType);

    /**
     * Runs several commands as one request, resolved by the node with the
     * default timeout.
     *
     * @return the results of the sink commands (those no other command references), by command name,
     *         as plain JSON values (maps, lists, strings, numbers, booleans, nulls)
     */
    Mono<Map<String, @Nullable Object>> request(List<RpcCommand> commands);

    /** Runs several commands as one request bounded by the given timeout. */
    Mono<Map<String, @Nullable Object>> request(List<RpcCommand> commands, Duration timeout);

    /**
     * Publishes a message on a topic (dot-separated words, none empty); the
     * payload is written as JSON with the client's mapper.
     *
     * @return completes when the node has acknowledged the message; fails with the node's error
     *         ({@code MALFORMED} for a bad topic) or {@code TIMEOUT}
     */
    Mono<Void> publish(String topic, @Nullable Object payload);

    /** Publishes a message with headers (free-form metadata, written as JSON). */
    Mono<Void> publish(String topic, @Nullable Object payload, Map<String, ?> headers);

    /**
     * The messages published on topics matching any of the patterns, once
     * each, in the order the node delivers them; see the class comment for
     * buffering, cancelling and reconnecting.
     *
     * @throws IllegalArgumentException if no pattern is given or one is not a valid topic pattern
     */
    Flux<PubSubMessage> subscribe(String... patterns);

    /** The same calls, blocking. */
    BlockingMpregClient blocking();

    /** Closes the connection; calls still waiting fail with {@code NODE_LOST}. */
    @Override
    void close();
}
