package io.mpreg.core.transport.internal;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import javax.net.ssl.KeyManagerFactory;

import io.mpreg.core.error.MpregException;
import io.mpreg.core.transport.BoundServer;
import io.mpreg.core.transport.ConnectionHandler;
import io.mpreg.core.transport.ConnectionInfo;
import io.mpreg.core.transport.TransportStats;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.Http11SslContextSpec;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.WebsocketServerSpec;
import reactor.netty.http.websocket.WebsocketInbound;
import reactor.netty.http.websocket.WebsocketOutbound;

/** A bound Reactor Netty server that hands each WebSocket connection to a {@link ConnectionHandler}. */
public final class ReactorWebSocketServer implements BoundServer {

    private static final Logger log = LoggerFactory.getLogger(ReactorWebSocketServer.class);
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(2);

    private final ServerSettings settings;
    private final ConnectionHandler handler;
    private final TransportCounters counters = new TransportCounters();
    private final AtomicLong connectionSequence = new AtomicLong();
    private final Map<String, WebSocketSession> connections = new ConcurrentHashMap<>();
    private final AtomicBoolean closing = new AtomicBoolean();
    private final DisposableServer server;

    private ReactorWebSocketServer(ServerSettings settings, ConnectionHandler handler) {
        this.settings = settings;
        this.handler = handler;
        WebsocketServerSpec spec = WebsocketServerSpec.builder()
                .maxFramePayloadLength(settings.session().maxFrameSize())
                .handlePing(false)
                .build();
        HttpServer http = HttpServer.create()
                .host(settings.host())
                .port(settings.port())
                .route(routes -> settings.paths().forEach(path -> routes.ws(path, this::serve, spec)));
        KeyManagerFactory keyManagers = settings.keyManagers();
        if (keyManagers != null) {
            http = http.secure(tls -> tls.sslContext(Http11SslContextSpec.forServer(keyManagers)));
        }
        this.server = http.bindNow(settings.bindTimeout());
        log.info("WebSocket server listening on {}:{} at {}{}", host(), port(), settings.paths(),
                keyManagers == null ? "" : " with TLS");
    }

    /** Binds a server with the given settings; fails if no handler is set or the port cannot be bound. */
    public static BoundServer bind(ServerSettings settings) {
        ConnectionHandler handler = Objects.requireNonNull(settings.handler(),
                "a ConnectionHandler is required: call handler(...) before bind()");
        return new ReactorWebSocketServer(settings, handler);
    }

    @Override
    public String host() {
        return settings.host();
    }

    @Override
    public int port() {
        return server.port();
    }

    @Override
    public TransportStats stats() {
        return counters.snapshot();
    }

    @Override
    public Mono<Void> closeGracefully(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        return Mono.defer(() -> {
            if (!closing.compareAndSet(false, true)) {
                return server.onDispose();
            }
            server.dispose();
            List<WebSocketSession> open = List.copyOf(connections.values());
            log.info("WebSocket server on port {} closing {} connection(s)", port(), open.size());
            Mono<Void> allClosed = Mono.when(open.stream()
                    .map(session -> session.close(WebSocketCloseStatus.ENDPOINT_UNAVAILABLE)
                            .onErrorResume(e -> Mono.empty())
                            .then(session.connection().onDispose()))
                    .toList());
            return allClosed
                    .timeout(timeout, Mono.fromRunnable(() -> open.forEach(session -> session.connection().dispose())))
                    .then(server.onDispose());
        });
    }

    @Override
    public void close() {
        closeGracefully(CLOSE_WAIT).block(CLOSE_WAIT.multipliedBy(2));
    }

    private Mono<Void> serve(WebsocketInbound in, WebsocketOutbound out) {
        String id = "c" + connectionSequence.incrementAndGet();
        WebSocketSession session = new WebSocketSession(in, out, settings.session(), counters, id);
        // Only inbound traffic served here defers work (pub/sub notifications), so client connections go without.
        session.connection().channel().pipeline().addFirst(ReadBatchHandler.NAME, new ReadBatchHandler());
        String remote = session.remoteAddress();
        ConnectionInfo info = new ConnectionInfo(id, remote);
        if (closing.get()) {
            return session.close(WebSocketCloseStatus.ENDPOINT_UNAVAILABLE);
        }
        connections.put(id, session);
        counters.connectionOpened();
        log.debug("Connection {} opened from {}", id, remote);
        InboundMessages inbound = new InboundMessages();
        Mono<Void> reading = session.receiveTexts(inbound);
        Flux<? extends CharSequence> replies = Flux.defer(() -> handler.frames(info, inbound))
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
            connections.remove(id);
            counters.connectionClosed();
            log.debug("Connection {} closed ({})", id, signal);
        });
    }
}
