package io.mpreg.spring.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

import io.mpreg.client.BlockingMpregClient;
import io.mpreg.client.MpregClient;
import io.mpreg.client.RpcCommand;
import io.mpreg.client.Subscription;
import io.mpreg.core.pubsub.PubSubMessage;
import io.mpreg.core.rpc.CommandObserver;
import io.mpreg.core.rpc.CommandObserver.Outcome;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;

/**
 * The {@code MpregClient} bean: creates the real client on first use (so it
 * can reach an endpoint whose port is known only once the web server runs)
 * and reports every call to a {@link ClientCallObserver}. Publish and
 * subscribe go straight to the real client (pub/sub has its own meters).
 */
final class DelegatingMpregClient implements MpregClient {

    /** The function tag of a request of several commands (a bounded value, never the commands' names). */
    static final String MULTI_COMMAND_REQUEST = "(request)";

    /** Extra time a blocking wait allows beyond the call's own timeout, which the client enforces. */
    private static final Duration BLOCKING_GRACE = Duration.ofSeconds(5);

    private final Supplier<MpregClient> factory;
    private volatile @Nullable MpregClient created;
    private final ClientCallObserver observer;
    private final Duration timeout;
    private final BlockingMpregClient blocking = new Blocking();

    DelegatingMpregClient(Supplier<MpregClient> delegate, ClientCallObserver observer, Duration timeout) {
        this.factory = Objects.requireNonNull(delegate, "delegate");
        this.observer = Objects.requireNonNull(observer, "observer");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    @Override
    public <T> Mono<T> call(String function, Class<T> resultType, @Nullable Object... args) {
        return observed(function, Mono.defer(() -> delegate().call(function, resultType, args)));
    }

    @Override
    public <T> Mono<T> call(RpcCommand command, Class<T> resultType) {
        return observed(command.fun(), Mono.defer(() -> delegate().call(command, resultType)));
    }

    @Override
    public <T> Mono<T> call(RpcCommand command, TypeReference<T> resultType) {
        return observed(command.fun(), Mono.defer(() -> delegate().call(command, resultType)));
    }

    @Override
    public Mono<Map<String, @Nullable Object>> request(List<RpcCommand> commands) {
        return observed(functionOf(commands), Mono.defer(() -> delegate().request(commands)));
    }

    @Override
    public Mono<Map<String, @Nullable Object>> request(List<RpcCommand> commands, Duration requestTimeout) {
        return observed(functionOf(commands), Mono.defer(() -> delegate().request(commands, requestTimeout)));
    }

    @Override
    public Mono<Void> publish(String topic, @Nullable Object payload) {
        return Mono.defer(() -> delegate().publish(topic, payload));
    }

    @Override
    public Mono<Void> publish(String topic, @Nullable Object payload, Map<String, ?> headers) {
        return Mono.defer(() -> delegate().publish(topic, payload, headers));
    }

    @Override
    public Flux<PubSubMessage> subscribe(String... patterns) {
        return Flux.defer(() -> delegate().subscribe(patterns));
    }

    @Override
    public BlockingMpregClient blocking() {
        return blocking;
    }

    /** Closes the real client if it was ever created. */
    @Override
    public void close() {
        MpregClient client = created;
        if (client != null) {
            client.close();
        }
    }

    private MpregClient delegate() {
        MpregClient client = created;
        if (client == null) {
            synchronized (this) {
                client = created;
                if (client == null) {
                    client = factory.get();
                    created = client;
                }
            }
        }
        return client;
    }

    private <T> Mono<T> observed(String function, Mono<T> call) {
        return Mono.defer(() -> {
            CommandObserver.Observation observation = observer.started(function);
            return call.doOnSuccess(result -> observation.finished(Outcome.SUCCESS))
                    .doOnError(failure -> observation.finished(Outcome.of(failure)))
                    .doOnCancel(() -> observation.finished(Outcome.CANCELLED));
        });
    }

    private static String functionOf(List<RpcCommand> commands) {
        return commands.size() == 1 ? commands.get(0).fun() : MULTI_COMMAND_REQUEST;
    }

    private final class Blocking implements BlockingMpregClient {

        @Override
        public <T> @Nullable T call(String function, Class<T> resultType, @Nullable Object... args) {
            return await(DelegatingMpregClient.this.call(function, resultType, args), timeout);
        }

        @Override
        public <T> @Nullable T call(RpcCommand command, Class<T> resultType) {
            return await(DelegatingMpregClient.this.call(command, resultType), timeout);
        }

        @Override
        public <T> @Nullable T call(RpcCommand command, TypeReference<T> resultType) {
            return await(DelegatingMpregClient.this.call(command, resultType), timeout);
        }

        @Override
        public Map<String, @Nullable Object> request(List<RpcCommand> commands) {
            Map<String, @Nullable Object> results = await(DelegatingMpregClient.this.request(commands), timeout);
            return results == null ? Map.of() : results;
        }

        @Override
        public Map<String, @Nullable Object> request(List<RpcCommand> commands, Duration requestTimeout) {
            Map<String, @Nullable Object> results =
                    await(DelegatingMpregClient.this.request(commands, requestTimeout), requestTimeout);
            return results == null ? Map.of() : results;
        }

        @Override
        public void publish(String topic, @Nullable Object payload) {
            delegate().blocking().publish(topic, payload);
        }

        @Override
        public void publish(String topic, @Nullable Object payload, Map<String, ?> headers) {
            delegate().blocking().publish(topic, payload, headers);
        }

        @Override
        public Subscription subscribe(Consumer<PubSubMessage> onMessage, String... patterns) {
            return delegate().blocking().subscribe(onMessage, patterns);
        }

        private <T> @Nullable T await(Mono<T> call, Duration callTimeout) {
            return call.block(callTimeout.plus(BLOCKING_GRACE));
        }
    }
}
