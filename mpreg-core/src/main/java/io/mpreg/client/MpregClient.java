package io.mpreg.client;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
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

    /** The same calls, blocking. */
    BlockingMpregClient blocking();

    /** Closes the connection; calls still waiting fail with {@code NODE_LOST}. */
    @Override
    void close();
}
