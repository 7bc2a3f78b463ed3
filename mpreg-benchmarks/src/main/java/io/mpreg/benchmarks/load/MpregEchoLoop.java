package io.mpreg.benchmarks.load;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;

import io.netty.channel.Channel;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.WebsocketClientSpec;

/**
 * A closed loop of {@code echo} requests over one WebSocket connection to an MPREG node.
 *
 * <p>Reactor Netty does the connection and the WebSocket handshake; after that a
 * plain Netty handler ({@link MpregEchoHandler}) takes the frames before they reach
 * Reactor's inbound {@code Flux}, so the loop pays no reactive-streams signalling per
 * frame and controls its flushes itself. {@code java.net.http.WebSocket} was the
 * alternative: it allows one outstanding send at a time (each must be chained on
 * the previous one's future), hands every frame across threads, and offers no way
 * to write several frames with one flush.
 */
final class MpregEchoLoop implements ClosedLoop {

    /** Bigger than any echo reply the generator asks for. */
    private static final int MAX_FRAME_BYTES = 20 * 1024 * 1024;

    private final Channel channel;
    private final Disposable session;
    private final MpregEchoHandler handler;

    private MpregEchoLoop(Channel channel, Disposable session, MpregEchoHandler handler) {
        this.channel = channel;
        this.session = session;
        this.handler = handler;
    }

    /** Opens the connection and completes the handshake; sends nothing until {@link #start()}. */
    static MpregEchoLoop connect(URI url, int inFlight, String payload, LatencyRecorder recorder,
                                 LongSupplier nanoTime, Duration timeout) throws InterruptedException {
        MpregEchoHandler handler = new MpregEchoHandler(new EchoRequestFrames(payload), inFlight, recorder, nanoTime);
        CompletableFuture<Channel> connected = new CompletableFuture<>();
        Disposable session = HttpClient.create()
                .websocket(WebsocketClientSpec.builder().maxFramePayloadLength(MAX_FRAME_BYTES).build())
                .uri(url)
                .handle((inbound, outbound) -> {
                    inbound.withConnection(connection -> {
                        connection.addHandlerLast("mpreg-load-aggregator", new WebSocketFrameAggregator(MAX_FRAME_BYTES))
                                .addHandlerLast("mpreg-load", handler);
                        connected.complete(connection.channel());
                    });
                    return Mono.never();
                })
                .subscribe(ignored -> { }, connected::completeExceptionally);
        try {
            return new MpregEchoLoop(connected.get(timeout.toMillis(), TimeUnit.MILLISECONDS), session, handler);
        } catch (ExecutionException | TimeoutException e) {
            session.dispose();
            throw new IllegalStateException("could not open a WebSocket to " + url + ": " + e, e);
        }
    }

    @Override
    public void start() {
        channel.eventLoop().execute(handler::startAll);
    }

    @Override
    public boolean stop(Duration timeout) throws InterruptedException {
        channel.eventLoop().execute(handler::stopRefilling);
        try {
            handler.drained().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            throw new IllegalStateException("the connection failed while draining", e.getCause());
        }
    }

    @Override
    public long sent() {
        return handler.sent();
    }

    @Override
    public long completed() {
        return handler.completed();
    }

    @Override
    public void close() {
        // Disposing the session lets Reactor Netty send the close frame before the channel goes.
        session.dispose();
        channel.closeFuture().awaitUninterruptibly(5, TimeUnit.SECONDS);
    }
}
