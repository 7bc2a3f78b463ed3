package io.mpreg.core.transport.internal;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.net.ssl.KeyManagerFactory;

import io.mpreg.core.transport.BoundServer;
import io.mpreg.core.transport.ConnectionHandler;
import io.mpreg.core.transport.TransportStats;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.Http11SslContextSpec;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.WebsocketServerSpec;

/** A bound Reactor Netty server that hands each WebSocket connection to a {@link ConnectionHandler}. */
public final class ReactorWebSocketServer implements BoundServer {

    private static final Logger log = LoggerFactory.getLogger(ReactorWebSocketServer.class);
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(2);

    private final ServerSettings settings;
    private final WebSocketConnections connections;
    private final AtomicBoolean closing = new AtomicBoolean();
    private final DisposableServer server;

    private ReactorWebSocketServer(ServerSettings settings, ConnectionHandler handler) {
        this.settings = settings;
        this.connections = new WebSocketConnections(settings.session(), handler);
        WebsocketServerSpec spec = WebsocketServerSpec.builder()
                .maxFramePayloadLength(settings.session().maxFrameSize())
                .handlePing(false)
                .build();
        HttpServer http = HttpServer.create()
                .host(settings.host())
                .port(settings.port())
                .route(routes -> settings.paths().forEach(path -> routes.ws(path, connections::serve, spec)));
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
        return connections.stats();
    }

    @Override
    public Mono<Void> closeGracefully(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        return Mono.defer(() -> {
            if (closing.compareAndSet(false, true)) {
                server.dispose();
                return connections.closeAll(timeout).then(server.onDispose());
            }
            return server.onDispose();
        });
    }

    @Override
    public void close() {
        closeGracefully(CLOSE_WAIT).block(CLOSE_WAIT.multipliedBy(2));
    }
}
