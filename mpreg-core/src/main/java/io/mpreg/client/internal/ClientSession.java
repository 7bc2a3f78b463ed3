package io.mpreg.client.internal;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import io.mpreg.core.error.ErrorKind;
import io.mpreg.core.error.MpregException;
import io.mpreg.core.pubsub.PubSubNotification;
import io.mpreg.core.transport.WebSocketClientConnection;
import io.mpreg.core.wire.FrameRejectedException;
import io.mpreg.core.wire.RpcRequest;
import io.mpreg.core.wire.RpcResponse;
import io.mpreg.core.wire.WireCodec;
import io.mpreg.core.wire.WireMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;

/**
 * One open connection to a node and the requests waiting on it, each matched
 * to its reply ({@code rpc-response} or {@code pubsub-ack}) by {@code u}.
 * Frames are decoded on the client's scheduler; pub/sub notifications go to
 * the session's listener. When the connection ends, every waiting request
 * fails with {@code NODE_LOST} naming the node's URL.
 */
final class ClientSession {

    private static final Logger log = LoggerFactory.getLogger(ClientSession.class);

    private final WebSocketClientConnection connection;
    private final WireCodec codec;
    private final Consumer<PubSubNotification> notifications;
    private final Map<String, MonoSink<WireMessage>> pending = new ConcurrentHashMap<>();
    private final AtomicBoolean open = new AtomicBoolean(true);
    private final Sinks.Empty<Void> endedSignal = Sinks.empty();

    ClientSession(WebSocketClientConnection connection, WireCodec codec, Scheduler scheduler,
                  Consumer<PubSubNotification> notifications) {
        this.connection = connection;
        this.codec = codec;
        this.notifications = notifications;
        connection.inbound()
                .publishOn(scheduler)
                .subscribe(this::onFrame, error -> ended(), this::ended);
    }

    String url() {
        return connection.url();
    }

    boolean isOpen() {
        return open.get();
    }

    /** Completes once the connection has ended. */
    Mono<Void> onEnded() {
        return endedSignal.asMono();
    }

    /** Sends the request and emits its reply; fails with {@code NODE_LOST} if the connection ends first. */
    Mono<RpcResponse> exchange(RpcRequest request) {
        return exchange(request, request.u()).flatMap(reply -> reply instanceof RpcResponse response
                ? Mono.just(response)
                : Mono.error(MpregException.of(ErrorKind.MALFORMED,
                        "a '" + reply.role() + "' frame answered rpc request " + request.u())));
    }

    /**
     * Sends any request frame whose reply carries the same {@code u} and emits
     * that reply; fails with {@code NODE_LOST} if the connection ends first.
     * If the connection refused the frame (it is closing), the failure
     * {@linkplain #wasNotSent says so}: the node never saw the request.
     */
    Mono<WireMessage> exchange(WireMessage request, String u) {
        return Mono.create(reply -> {
            pending.put(u, reply);
            reply.onCancel(() -> pending.remove(u));
            String frame = codec.encode(request);
            // The order matters: registered first, so a close racing with this send
            // either finds the request in pending or is seen by the check below.
            if (!open.get() || !connection.send(frame)) {
                // The connection is closing: a new one is needed, even before its end is seen here.
                open.set(false);
                failIfPending(u, notSent());
            }
        });
    }

    /** Whether {@code failure} is that of a request the connection refused to send. */
    static boolean wasNotSent(Throwable failure) {
        return failure instanceof MpregException mpreg && mpreg.getCause() instanceof NotSent;
    }

    /** Closes the connection; waiting requests fail with {@code NODE_LOST}. */
    void close() {
        connection.close();
        ended();
    }

    private void onFrame(String text) {
        WireMessage message;
        try {
            message = codec.decode(text);
        } catch (FrameRejectedException rejected) {
            log.warn("Ignoring an unreadable frame from {}: {}", url(), rejected.getMessage());
            return;
        }
        if (message instanceof PubSubNotification notification) {
            notifications.accept(notification);
            return;
        }
        String u = message.u();
        MonoSink<WireMessage> waiting = u == null ? null : pending.remove(u);
        if (waiting == null) {
            log.warn("A '{}' frame from {} matches no waiting request (u={}){}", message.role(), url(), u,
                    message instanceof RpcResponse response && response.error() != null
                            ? ": " + response.error().message() : "");
            return;
        }
        waiting.success(message);
    }

    private void ended() {
        if (open.compareAndSet(true, false)) {
            log.info("Connection to {} ended; failing {} waiting request(s)", url(), pending.size());
        }
        MpregException lost = lost();
        for (String u : List.copyOf(pending.keySet())) {
            failIfPending(u, lost);
        }
        endedSignal.tryEmitEmpty();
    }

    private void failIfPending(String u, MpregException failure) {
        MonoSink<WireMessage> waiting = pending.remove(u);
        if (waiting != null) {
            waiting.error(failure);
        }
    }

    private MpregException lost() {
        return MpregException.of(ErrorKind.NODE_LOST,
                "connection to " + url() + " was lost before the reply arrived");
    }

    private MpregException notSent() {
        return MpregException.of(ErrorKind.NODE_LOST, "connection to " + url() + " closed before the request was sent",
                null, new NotSent());
    }

    /** Marks a failure whose request never left: sending it on another connection is safe. */
    private static final class NotSent extends RuntimeException {

        NotSent() {
            super("the connection refused the frame", null, false, false);
        }
    }
}
