package io.mpreg.client.internal;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.mpreg.client.BlockingMpregClient;
import io.mpreg.client.MpregClient;
import io.mpreg.client.RpcCommand;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import tools.jackson.core.type.TypeReference;

/** Blocks on the reactive client's calls; each wait is bounded by the request's timeout plus a grace. */
final class BlockingClient implements BlockingMpregClient {

    private final MpregClient client;
    private final Duration defaultTimeout;

    BlockingClient(MpregClient client, Duration defaultTimeout) {
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

    private static <T> @Nullable T await(Mono<T> call, Duration timeout) {
        // The call times itself out; this outer bound only guards against a stuck scheduler.
        return call.block(timeout.plus(ClientSettings.REPLY_GRACE).multipliedBy(2));
    }
}
