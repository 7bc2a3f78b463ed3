package io.mpreg.core.transport.internal;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.IntSupplier;

import io.mpreg.core.error.ErrorKind;
import io.mpreg.core.error.MpregException;
import io.mpreg.core.transport.ConnectionOutlet;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.websocketx.WebSocketFrameDecoder;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.netty.Connection;
import reactor.netty.NettyPipeline;
import reactor.netty.http.websocket.WebsocketInbound;
import reactor.netty.http.websocket.WebsocketOutbound;

/**
 * The frame-level behaviour every connection shares, server or client side:
 * aggregation with the size limit, keep-alive pings, the idle timeout, and
 * closing with the right status when a limit is broken.
 */
final class WebSocketSession {

    private static final Logger log = LoggerFactory.getLogger(WebSocketSession.class);
    private static final TextFrameEncoder SERVER_FRAMES = TextFrameEncoder.unmasked();

    private final WebsocketInbound in;
    private final WebsocketOutbound out;
    private final SessionSettings settings;
    private final TransportCounters counters;
    private final String peer;
    private final Connection connection;
    private final Scheduler timer = Schedulers.parallel();
    private final AtomicBoolean idleClosed = new AtomicBoolean();
    private final FrameAggregator aggregator;
    private volatile long lastInboundMillis;
    private volatile boolean readingPaused;
    // Set on the event loop once an oversize message closed the connection; later frames are ignored.
    private boolean oversizeClosed;

    WebSocketSession(WebsocketInbound in, WebsocketOutbound out, SessionSettings settings,
                     TransportCounters counters, String peer) {
        this.in = in;
        this.out = out;
        this.settings = settings;
        this.counters = counters;
        this.peer = peer;
        this.aggregator = new FrameAggregator(settings.maxFrameSize());
        this.lastInboundMillis = timer.now(TimeUnit.MILLISECONDS);
        AtomicReference<Connection> connectionRef = new AtomicReference<>();
        in.withConnection(connectionRef::set);
        this.connection = Objects.requireNonNull(connectionRef.get(), "connection");
        ChannelPipeline pipeline = connection.channel().pipeline();
        pipeline.addFirst(LingeringCloseHandler.NAME, new LingeringCloseHandler(LingeringCloseHandler.DEFAULT_LINGER));
    }

    /** The underlying connection, to wait for or force its end. */
    Connection connection() {
        return connection;
    }

    /** The peer's address as text. */
    String remoteAddress() {
        return String.valueOf(connection.channel().remoteAddress());
    }

    /**
     * Reads the connection's complete text messages into {@code messages}: our
     * own {@link WebSocketMessageDecoder} takes the place of Netty's frame
     * decoder and hands over each message where it is decoded, those of one
     * socket read together, and completes it once the connection's inbound
     * ends: when the peer closes, or after an oversize message, which closes
     * the connection with 1009. Any frame, pongs included, counts as activity
     * for the idle timeout. The returned {@code Mono} runs the reading (control
     * frames and the connection's end go through Reactor Netty) and completes
     * with the inbound; subscribe it on the event loop serving the connection,
     * before the peer can have sent a frame (a server's handler runs before
     * its client may send; our server never speaks first).
     * While too many messages wait for their consumer, reading stops
     * ({@link InboundMessages}) and the idle timeout does not run.
     *
     * @param peerMasks whether the peer masks its frames, as a client must
     * @param asText    a message's text, from its UTF-8 bytes
     */
    <T> Mono<Void> receiveTexts(InboundMessages<T> messages, boolean peerMasks, Function<byte[], T> asText) {
        messages.readGate(this::reading);
        ChannelPipeline pipeline = connection.channel().pipeline();
        ChannelHandlerContext nettyDecoder = pipeline.context(WebSocketFrameDecoder.class);
        if (nettyDecoder == null) {
            throw new IllegalStateException("connection " + peer + " has no WebSocket frame decoder to take over from");
        }
        pipeline.replace(nettyDecoder.name(), WebSocketMessageDecoder.NAME,
                new WebSocketMessageDecoder(peerMasks, settings.maxFrameSize(), new Received<>(messages, asText)));
        // Data frames Netty decoded before the decoder above took over come this way; later ones never do.
        return in.receiveFrames()
                .doOnNext(frame -> {
                    byte[] utf8 = readFrame(frame);
                    if (utf8 != null) {
                        messages.add(asText.apply(utf8));
                        messages.deliver();
                    }
                })
                .takeUntil(frame -> oversizeClosed)
                .onErrorResume(error -> {
                    log.debug("Connection {} ended with {}", peer, error.toString());
                    return Mono.empty();
                })
                .doFinally(signal -> messages.complete())
                .then();
    }

    /** What the decoder reads, on the event loop. */
    private final class Received<T> implements WebSocketMessageDecoder.Messages {

        private final InboundMessages<T> messages;
        private final Function<byte[], T> asText;
        // Counted once per read, not per message: the shared counter's cache line would otherwise
        // travel between the event loops of a process's connections with every message.
        private int messagesThisRead;

        Received(InboundMessages<T> messages, Function<byte[], T> asText) {
            this.messages = messages;
            this.asText = asText;
        }

        @Override
        public void activity() {
            lastInboundMillis = timer.now(TimeUnit.MILLISECONDS);
        }

        @Override
        public void message(byte[] utf8) {
            if (!oversizeClosed) {
                messagesThisRead++;
                messages.add(asText.apply(utf8));
            }
        }

        @Override
        public void tooLarge(long size, int limit) {
            closeOversize(FrameTooLargeException.describe(size, limit));
        }

        @Override
        public void readComplete() {
            if (messagesThisRead > 0) {
                counters.framesIn(messagesThisRead);
                messagesThisRead = 0;
            }
            messages.deliver();
        }
    }

    /**
     * A writer of text frames from any thread, batched per event-loop turn,
     * masked as a client's frames must be; the connection's close frame stops it.
     */
    TextFrameWriter clientWriter(IntSupplier maskKeys) {
        return installWriter(TextFrameEncoder.masking(maskKeys));
    }

    private TextFrameWriter installWriter(TextFrameEncoder encoder) {
        TextFrameWriter writer = new TextFrameWriter(encoder, counters);
        connection.channel().pipeline().addBefore(NettyPipeline.ReactiveBridge, TextFrameWriter.NAME, writer);
        return writer;
    }

    // Silence while reading is off is this side's doing, not the peer's: the idle watch waits.
    private void reading(boolean on) {
        readingPaused = !on;
        if (on) {
            lastInboundMillis = timer.now(TimeUnit.MILLISECONDS);
        }
        connection.channel().config().setAutoRead(on);
    }

    // One inbound frame, on the event loop: the message's bytes when it completes one, else null.
    private byte @Nullable [] readFrame(WebSocketFrame frame) {
        lastInboundMillis = timer.now(TimeUnit.MILLISECONDS);
        if (oversizeClosed) {
            return null;
        }
        byte[] utf8;
        try {
            utf8 = aggregator.accept(frame);
        } catch (FrameTooLargeException tooLarge) {
            closeOversize(tooLarge.getMessage());
            return null;
        }
        if (utf8 != null) {
            counters.frameIn();
        }
        return utf8;
    }

    // Later messages are ignored: the connection is closing.
    private void closeOversize(String reason) {
        if (oversizeClosed) {
            return;
        }
        oversizeClosed = true;
        counters.oversizeClose();
        log.info("Closing connection {} with 1009: {}", peer, reason);
        closeQuietly(WebSocketCloseStatus.MESSAGE_TOO_BIG.code(), reason);
    }

    /**
     * Sends the texts made for the connection's outlet as (unmasked, server
     * side) text frames until they complete and have all been flushed, with a
     * ping every ping interval and a watch for the idle timeout (closing with
     * 1001). Texts go through a {@link TextFrameWriter}, packed into few
     * buffers and flushed once per batch, and are requested only as frames
     * leave ({@link TextFeed}); the writer pulls the frames of the sources
     * attached to the outlet itself.
     */
    Mono<Void> sendTexts(Function<ConnectionOutlet, Flux<? extends CharSequence>> texts) {
        TextFrameWriter writer = installWriter(SERVER_FRAMES);
        return Mono.defer(() -> {
            TextFeed feed = new TextFeed(writer);
            texts.apply(writer::attach).subscribe(feed);
            Mono<Void> written = feed.done().asMono();
            // Ends with the channel too: nothing else stops the texts' source when the peer goes away.
            return Mono.when(written, keepAlive(written))
                    .takeUntilOther(connection.onDispose())
                    .doFinally(signal -> feed.dispose());
        });
    }

    /**
     * Pings every ping interval and watches for the idle timeout (closing with
     * 1001) until {@code until} ends. Pings go through Reactor Netty, beside the
     * texts of the connection's {@link TextFrameWriter}.
     */
    Mono<Void> keepAlive(Mono<?> until) {
        Flux<Object> pings = Flux.interval(settings.pingInterval(), timer)
                .<Object>map(tick -> new PingWebSocketFrame())
                .takeUntilOther(until);
        Duration checkEvery = settings.idleTimeout().dividedBy(4);
        Flux<Object> idleWatch = Flux.interval(checkEvery, timer)
                .takeUntilOther(until)
                .doOnNext(tick -> closeIfIdle())
                .thenMany(Flux.empty());
        return out.sendObject(Flux.merge(pings, idleWatch)).then();
    }

    /** Sends a close frame with the given status; the connection closes once it is flushed. */
    Mono<Void> close(WebSocketCloseStatus status) {
        return out.sendClose(status.code(), status.reasonText());
    }

    /**
     * Ends the connection at once because its handler failed: a close frame
     * (1013 "try again later" for {@code OVERLOADED}, else 1011) is sent if it
     * can leave within the linger time, then the connection is closed even if
     * the peer has stopped reading and frames are still waiting to be written.
     */
    void abort(Throwable failure) {
        WebSocketCloseStatus status = failure instanceof MpregException mpreg && mpreg.kind() == ErrorKind.OVERLOADED
                ? WebSocketCloseStatus.TRY_AGAIN_LATER : WebSocketCloseStatus.INTERNAL_SERVER_ERROR;
        out.sendClose(status.code(), status.reasonText())
                .timeout(LingeringCloseHandler.DEFAULT_LINGER, timer)
                .onErrorResume(error -> Mono.empty())
                .doFinally(signal -> connection.dispose())
                .subscribe();
    }

    private void closeIfIdle() {
        if (readingPaused) {
            return;
        }
        long silentMillis = timer.now(TimeUnit.MILLISECONDS) - lastInboundMillis;
        if (silentMillis >= settings.idleTimeout().toMillis() && idleClosed.compareAndSet(false, true)) {
            counters.idleClose();
            log.info("Closing connection {}: nothing received within {}", peer, settings.idleTimeout());
            closeQuietly(WebSocketCloseStatus.ENDPOINT_UNAVAILABLE.code(), "idle timeout");
        }
    }

    private void closeQuietly(int status, String reason) {
        out.sendClose(status, reason).onErrorResume(error -> Mono.empty()).subscribe();
    }
}
