package io.mpreg.core.transport.internal;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntSupplier;

import javax.net.ssl.TrustManagerFactory;

import io.mpreg.core.error.ErrorKind;
import io.mpreg.core.error.MpregException;
import io.mpreg.core.transport.TransportStats;
import io.mpreg.core.transport.WebSocketClientConnection;
import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;
import reactor.core.publisher.Sinks;
import reactor.netty.http.Http11SslContextSpec;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.WebsocketClientSpec;
import reactor.netty.http.websocket.WebsocketInbound;
import reactor.netty.http.websocket.WebsocketOutbound;

/** A client WebSocket connection over Reactor Netty's {@link HttpClient}. */
public final class ReactorClientConnection implements WebSocketClientConnection {

    private static final Logger log = LoggerFactory.getLogger(ReactorClientConnection.class);

    private final String url;
    private final TransportCounters counters = new TransportCounters();
    private final AtomicBoolean open = new AtomicBoolean(true);
    private final IntSupplier maskKeys;
    private final InboundMessages<String> inbound = new InboundMessages<>();
    private final Sinks.Empty<Void> closed = Sinks.empty();
    private volatile @Nullable WebSocketSession session;
    private volatile @Nullable TextFrameWriter writer;
    private volatile @Nullable Disposable lifetime;

    private ReactorClientConnection(String url, IntSupplier maskKeys) {
        this.url = url;
        this.maskKeys = maskKeys;
    }

    /** Opens a connection; see {@link io.mpreg.core.transport.WebSocketClient#connect(String)}. */
    public static Mono<WebSocketClientConnection> connect(String url, SessionSettings settings,
                                                          Duration connectTimeout,
                                                          @Nullable TrustManagerFactory trustManagers) {
        URI uri = parseWebSocketUrl(url);
        HttpClient client = HttpClient.create()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, connectTimeout.toMillis()));
        if ("wss".equals(uri.getScheme())) {
            client = trustManagers == null ? client.secure() : client.secure(tls -> tls.sslContext(
                    Http11SslContextSpec.forClient().configure(builder -> builder.trustManager(trustManagers))));
        }
        WebsocketClientSpec spec = WebsocketClientSpec.builder()
                .maxFramePayloadLength(settings.maxFrameSize())
                .handlePing(false)
                .build();
        HttpClient.WebsocketSender sender = client.websocket(spec).uri(uri);
        return Mono.create(ready -> {
            // Masking keys need not be secret, only unpredictable to what sits between client and server.
            ReactorClientConnection connection = new ReactorClientConnection(url,
                    () -> ThreadLocalRandom.current().nextInt());
            Disposable lifetime = sender
                    .handle((in, out) -> connection.run(in, out, settings, ready))
                    .subscribe(null,
                            error -> connection.ended(ready, error),
                            () -> connection.ended(ready, null));
            connection.lifetime = lifetime;
            ready.onCancel(lifetime);
        });
    }

    private Flux<Void> run(WebsocketInbound in, WebsocketOutbound out, SessionSettings settings,
                           MonoSink<WebSocketClientConnection> ready) {
        WebSocketSession opened = new WebSocketSession(in, out, settings, counters, url);
        writer = opened.clientWriter(maskKeys);
        Sinks.Empty<Void> readingDone = Sinks.empty();
        Mono<Void> reading = opened.receiveTexts(inbound, false, utf8 -> new String(utf8, StandardCharsets.UTF_8)).doFinally(signal -> readingDone.tryEmitEmpty());
        session = opened;
        counters.connectionOpened();
        log.debug("Connected to {}", url);
        ready.success(this);
        return Flux.merge(reading, opened.keepAlive(readingDone.asMono()));
    }

    private void ended(MonoSink<WebSocketClientConnection> ready, @Nullable Throwable error) {
        if (open.compareAndSet(true, false)) {
            if (session != null) {
                counters.connectionClosed();
            }
            log.debug("Connection to {} ended{}", url, error == null ? "" : ": " + error);
            inbound.complete();
            closed.tryEmitEmpty();
        }
        if (session != null) {
            return;
        }
        String reason = error == null ? "the connection closed during the handshake" : describe(error);
        ready.error(MpregException.of(ErrorKind.NODE_LOST, "cannot connect to " + url + ": " + reason, null,
                error == null ? new IllegalStateException(reason) : error));
    }

    @Override
    public String url() {
        return url;
    }

    @Override
    public boolean send(String frame) {
        Objects.requireNonNull(frame, "frame");
        TextFrameWriter current = writer;
        return open.get() && current != null && current.send(frame);
    }

    @Override
    public Flux<String> inbound() {
        return inbound;
    }

    @Override
    public Mono<Void> onClose() {
        return closed.asMono();
    }

    @Override
    public boolean isOpen() {
        return open.get();
    }

    @Override
    public TransportStats stats() {
        return counters.snapshot();
    }

    @Override
    public void close() {
        WebSocketSession current = session;
        if (current != null && open.get()) {
            current.close(WebSocketCloseStatus.NORMAL_CLOSURE)
                    .onErrorResume(error -> Mono.empty())
                    .subscribe();
            return;
        }
        Disposable running = lifetime;
        if (running != null) {
            running.dispose();
        }
    }

    private static URI parseWebSocketUrl(String url) {
        Objects.requireNonNull(url, "url");
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a WebSocket URL: '" + url + "'", e);
        }
        if (!"ws".equals(uri.getScheme()) && !"wss".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("not a ws:// or wss:// URL: '" + url + "'");
        }
        return uri;
    }

    private static String describe(Throwable error) {
        String message = error.getMessage();
        return message == null ? error.getClass().getSimpleName() : message;
    }
}
