package io.mpreg.client;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import java.util.function.Consumer;

import io.mpreg.core.pubsub.PubSubMessage;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;

/**
 * The calls of {@link MpregClient}, returning values for code that is not
 * reactive. Each call blocks the calling thread until the reply arrives or
 * the request's timeout (plus a short grace for the reply to travel) runs
 * out; failures are thrown as {@link io.mpreg.core.error.MpregException}.
 * Never call these from a reactive (event-loop or parallel) thread.
 */
public interface BlockingMpregClient {

    /** Calls one function; see {@link MpregClient#call(String, Class, Object...)}. */
    <T> @Nullable T call(String function, Class<T> resultType, @Nullable Object... args);

    /** Runs one command; see {@link MpregClient#call(RpcCommand, Class)}. */
    <T> @Nullable T call(RpcCommand command, Class<T> resultType);

    /** Runs one command; see {@link MpregClient#call(RpcCommand, TypeReference)}. */
    <T> @Nullable T call(RpcCommand command, TypeReference<T> resultType);

    /** Runs a request; see {@link MpregClient#request(List)}. */
    Map<String, @Nullable Object> request(List<RpcCommand> commands);

    /** Runs a request with its own timeout; see {@link MpregClient#request(List, Duration)}. */
    Map<String, @Nullable Object> request(List<RpcCommand> commands, Duration timeout);

    /** Publishes and waits for the node's ack; see {@link MpregClient#publish(String, Object)}. */
    void publish(String topic, @Nullable Object payload);

    /** Publishes with headers and waits for the node's ack. */
    void publish(String topic, @Nullable Object payload, Map<String, ?> headers);

    /**
     * Subscribes and returns once the node has acknowledged the subscription:
     * every matching message published after that is handed to
     * {@code onMessage}, one at a time, in order, on the client's scheduler
     * (keep it short or hand the work off; an exception it throws is logged
     * and the subscription goes on). Buffering and reconnecting are those of
     * {@link MpregClient#subscribe}; if the subscription fails later (no node
     * reachable), the failure is logged and callbacks stop.
     *
     * @return the subscription; close it to unsubscribe
     * @throws io.mpreg.core.error.MpregException if the node refuses the subscription or does not answer in time
     */
    Subscription subscribe(Consumer<PubSubMessage> onMessage, String... patterns);
}
