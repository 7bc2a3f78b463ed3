package io.mpreg.benchmarks.load;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.mpreg.core.wire.CommandSpec;
import io.mpreg.core.wire.ErrorBody;
import io.mpreg.core.wire.RpcRequest;
import io.mpreg.core.wire.RpcResponse;
import io.mpreg.core.wire.WireCodec;
import reactor.core.publisher.Sinks;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real WebSocket server on 127.0.0.1 and a free port that answers {@code rpc}
 * requests for {@code echo} with {@code rpc-response} frames, using the core
 * wire codec.
 *
 * <p>It holds requests until {@code batch} of them are pending and then answers
 * them all, so a client that keeps fewer in flight stalls, and {@link #peakPending()}
 * shows whether it ever kept more. Every {@code failEvery}-th request (counted
 * from 1; 0 for never) is answered with an error.
 */
final class RpcEchoTestServer implements AutoCloseable {

    private final WireCodec codec = WireCodec.rpc(JsonMapper.builder().build());
    private final int batch;
    private final int failEvery;
    private final AtomicInteger peakPending = new AtomicInteger();
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong answered = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final DisposableServer server;

    RpcEchoTestServer(int batch, int failEvery) {
        this.batch = batch;
        this.failEvery = failEvery;
        this.server = HttpServer.create()
                .host("127.0.0.1")
                .port(0)
                .route(routes -> routes.ws("/mpreg", (in, out) -> {
                    Sinks.Many<String> replies = Sinks.many().unicast().onBackpressureBuffer();
                    List<RpcRequest> pending = new ArrayList<>();
                    in.aggregateFrames().receive().asString()
                            .subscribe(text -> onRequest(text, pending, replies), replies::tryEmitError,
                                    replies::tryEmitComplete);
                    return out.sendString(replies.asFlux());
                }))
                .bindNow();
    }

    URI url() {
        return URI.create("ws://127.0.0.1:" + server.port() + "/mpreg");
    }

    int peakPending() {
        return peakPending.get();
    }

    long received() {
        return received.get();
    }

    long answered() {
        return answered.get();
    }

    long failed() {
        return failed.get();
    }

    @Override
    public void close() {
        server.disposeNow();
    }

    /** Runs on the connection's event loop only, so {@code pending} needs no lock. */
    private void onRequest(String text, List<RpcRequest> pending, Sinks.Many<String> replies) {
        pending.add((RpcRequest) codec.decode(text));
        received.incrementAndGet();
        peakPending.accumulateAndGet(pending.size(), Math::max);
        if (pending.size() < batch) {
            return;
        }
        for (RpcRequest request : pending) {
            replies.tryEmitNext(codec.encode(answer(request)));
            answered.incrementAndGet();
        }
        pending.clear();
    }

    private RpcResponse answer(RpcRequest request) {
        long number = answered.get() + 1;
        if (failEvery > 0 && number % failEvery == 0) {
            failed.incrementAndGet();
            return RpcResponse.failure(request.u(), new ErrorBody(1003, "FUNCTION_FAILED", "asked to fail", null));
        }
        CommandSpec echo = request.cmds().get(0);
        return RpcResponse.success(request.u(), Map.of(echo.name(), echo.args().get(0)));
    }
}
