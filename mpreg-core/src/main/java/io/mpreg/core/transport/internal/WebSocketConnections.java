package io.mpreg.core.transport.internal;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import io.mpreg.core.error.MpregException;
import io.mpreg.core.transport.ConnectionHandler;
import io.mpreg.core.transport.ConnectionInfo;
import io.mpreg.core.transport.ConnectionOutlet;
import io.mpreg.core.transport.TransportStats;
import io.mpreg.core.transport.Utf8Text;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.websocket.WebsocketInbound;
import reactor.netty.http.websocket.WebsocketOutbound;

/**
 * Serves upgraded WebSocket connections with a {@link ConnectionHandler},
 * whichever Reactor Netty server accepted them, counts them, and closes those
 * still open on request.
 */
public final class WebSocketConnections {

    private static final Logger log = LoggerFactory.getLogger(WebSocketConnections.class);

    private final SessionSettings settings;
    private final ConnectionHandler handler;
    private final TransportCounters counters = new TransportCounters();
    private final Map<String, WebSocketSession> open = new ConcurrentHashMap<>();
    private final AtomicBoolean closing = new AtomicBoolean();
    private final AtomicLong sequence = new AtomicLong();

    public WebSocketConnections(SessionSettings settings, ConnectionHandler handler) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.handler = Objects.requireNonNull(handler, "handler");
    }

    /**
     * Serves one connection until it ends: its messages go to the handler and
     * the handler's frames go out through a batched writer. Once
     * {@link #closeAll} was called, a new connection is closed with 1001.
     */
    public Mono<Void> serve(WebsocketInbound in, WebsocketOutbound out) {
        String id = "c" + sequence.incrementAndGet();
        WebSocketSession session = new WebSocketSession(in, out, settings, counters, id);
        // Only connections served here defer work on reads (pub/sub notifications), so client connections go without.
        session.connection().channel().pipeline().addFirst(ReadBatchHandler.NAME, new ReadBatchHandler());
        if (closing.get()) {
            return session.close(WebSocketCloseStatus.ENDPOINT_UNAVAILABLE);
        }
        ConnectionInfo info = new ConnectionInfo(id, session.remoteAddress());
        open.put(id, session);
        counters.connectionOpened();
        log.debug("Connection {} opened from {}", id, info.remoteAddress());
        InboundMessages<CharSequence> inbound = new InboundMessages<>();
        Mono<Void> reading = session.receiveTexts(inbound, true, Utf8Text::ofUtf8);
        Function<ConnectionOutlet, Flux<? extends CharSequence>> replies = outlet -> Flux.defer(
                () -> handler.frames(info, inbound, outlet))
                .onErrorResume(error -> {
                    if (error instanceof MpregException expected) {
                        log.info("Closing connection {}: {}", id, expected.getMessage());
                    } else {
                        log.warn("Handler of connection {} failed; closing it", id, error);
                    }
                    session.abort(error);
                    return Flux.empty();
                });
        // The replies decide when the connection ends; reading runs alongside until then.
        return Mono.defer(() -> {
            Disposable readingRun = reading.subscribe();
            return session.sendTexts(replies).doFinally(signal -> readingRun.dispose());
        }).doFinally(signal -> {
            open.remove(id);
            counters.connectionClosed();
            log.debug("Connection {} closed ({})", id, signal);
        });
    }

    /** The counters of the connections served here. */
    public TransportStats stats() {
        return counters.snapshot();
    }

    /**
     * Asks every open connection to close (1001, "going away") and refuses new
     * ones; completes once they have closed, cutting those still open after
     * {@code timeout}.
     */
    public Mono<Void> closeAll(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        return Mono.defer(() -> {
            closing.set(true);
            List<WebSocketSession> sessions = List.copyOf(open.values());
            log.info("Closing {} connection(s)", sessions.size());
            return Mono.when(sessions.stream()
                            .map(session -> session.close(WebSocketCloseStatus.ENDPOINT_UNAVAILABLE)
                                    .onErrorResume(e -> Mono.empty())
                                    .then(session.connection().onDispose()))
                            .toList())
                    .timeout(timeout, Mono.fromRunnable(() -> sessions.forEach(session -> session.connection().dispose())));
        });
    }
}
