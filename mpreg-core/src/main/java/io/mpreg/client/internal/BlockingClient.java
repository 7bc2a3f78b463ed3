package io.mpreg.client.internal;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import io.mpreg.client.BlockingMpregClient;
import io.mpreg.client.RpcCommand;
import io.mpreg.client.Subscription;
import io.mpreg.core.error.ErrorKind;
import io.mpreg.core.error.MpregException;
import io.mpreg.core.pubsub.PubSubMessage;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;

/** Blocks on the reactive client's calls; each wait is bounded by the request's timeout plus a grace. */
final class BlockingClient implements BlockingMpregClient {

    private static final Logger log = LoggerFactory.getLogger(BlockingClient.class);

    private final DefaultMpregClient client;
    private final Duration defaultTimeout;

    BlockingClient(DefaultMpregClient client, Duration defaultTimeout) {
        this.client = client;
        this.defaultTimeout = defaultTimeout;
    }

    @Override
    public <T> @Nullable T call(String function, Class<T> resultType, @Nullable Object... args) {
        return await(client.call(function, resultType, args), defaultTimeout);
    }

    @Override
    public <T> @Nullable T call(RpcCommand command, Class<T> resultType) {
        return await(client.call(command, resultType), defaultTimeout);
    }

    @Override
    public <T> @Nullable T call(RpcCommand command, TypeReference<T> resultType) {
        return await(client.call(command, resultType), defaultTimeout);
    }

    @Override
    public Map<String, @Nullable Object> request(List<RpcCommand> commands) {
        return request(commands, defaultTimeout);
    }

    @Override
    public Map<String, @Nullable Object> request(List<RpcCommand> commands, Duration timeout) {
        Map<String, @Nullable Object> results = await(client.request(commands, timeout), timeout);
        return results == null ? Map.of() : results;
    }

    @Override
    public void publish(String topic, @Nullable Object payload) {
        await(client.publish(topic, payload), defaultTimeout);
    }

    @Override
    public void publish(String topic, @Nullable Object payload, Map<String, ?> headers) {
        await(client.publish(topic, payload, headers), defaultTimeout);
    }

    @Override
    public Subscription subscribe(Consumer<PubSubMessage> onMessage, String... patterns) {
        CompletableFuture<@Nullable Void> registered = new CompletableFuture<>();
        Disposable subscription = client.subscribe(DefaultMpregClient.patterns(patterns), () -> registered.complete(null))
                .subscribe(message -> {
                    try {
                        onMessage.accept(message);
                    } catch (RuntimeException e) {
                        log.warn("A subscriber callback failed on a message on '{}'", message.topic(), e);
                    }
                }, error -> {
                    if (!registered.completeExceptionally(error)) {
                        log.warn("Subscription to {} ended: {}", List.of(patterns), error.getMessage());
                    }
                });
        Duration wait = defaultTimeout.plus(ClientSettings.REPLY_GRACE);
        try {
            registered.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            subscription.dispose();
            throw e.getCause() instanceof MpregException mpreg ? mpreg
                    : MpregException.internal("subscribing failed", e.getCause());
        } catch (TimeoutException e) {
            subscription.dispose();
            throw MpregException.of(ErrorKind.TIMEOUT, "no ack of the subscription within " + wait);
        } catch (InterruptedException e) {
            subscription.dispose();
            Thread.currentThread().interrupt();
            throw MpregException.of(ErrorKind.TIMEOUT, "interrupted while subscribing");
        }
        return subscription::dispose;
    }

    private static <T> @Nullable T await(Mono<T> call, Duration timeout) {
        // The call times itself out; this outer bound only guards against a stuck scheduler.
        return call.block(timeout.plus(ClientSettings.REPLY_GRACE).multipliedBy(2));
    }
}
