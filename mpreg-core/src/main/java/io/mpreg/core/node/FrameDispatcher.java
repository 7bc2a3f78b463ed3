package io.mpreg.core.node;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import io.mpreg.core.error.ErrorKind;
import io.mpreg.core.error.MpregException;
import io.mpreg.core.rpc.RpcService;
import io.mpreg.core.transport.ConnectionHandler;
import io.mpreg.core.transport.ConnectionInfo;
import io.mpreg.core.transport.ConnectionOutlet;
import io.mpreg.core.transport.FluxOutlet;
import io.mpreg.core.transport.ReadBatch;
import io.mpreg.core.wire.ErrorBody;
import io.mpreg.core.wire.FrameRejectedException;
import io.mpreg.core.wire.RpcRequest;
import io.mpreg.core.wire.RpcResponse;
import io.mpreg.core.wire.WireCodec;
import io.mpreg.core.wire.WireMessage;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Fuseable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.util.concurrent.Queues;

/**
 * Serves a connection: decodes each inbound frame, hands it to the handler of
 * its {@code role} and encodes what the handler answers.
 *
 * <p>Frames are decoded where they are read (a network event loop). Roles
 * that {@linkplain RoleHandler#servesWhereRead serve where read} (RPC, whose
 * functions that may block run on the blocking pool, and pub/sub) are served
 * at once; the others (the cluster fabric) are handed to a scheduler, in the
 * order their frames arrived on the connection. Frames are served concurrently, so many requests are
 * in flight on one connection and replies leave in the order they are ready.
 * Beyond {@link #maxInFlight()} requests in flight, a new one is answered
 * {@code OVERLOADED} at once. Bad input (not JSON, an unknown role, a missing or
 * mistyped field) is answered with an {@code rpc-response} error (or in the
 * shape its role's handler chooses, see {@link RoleHandler#rejected}), with the
 * frame's {@code u} when it could be read, and the connection goes on serving.
 *
 * <p>Subsystems that push frames to a connection or keep per-connection state
 * join each connection's life through {@link #withLifecycle}: they attach
 * the sources of their pushed frames to the connection's outlet, whose writer
 * pulls them beside the replies, and they hear when the connection ends.
 * The outgoing stream completes when the inbound one has ended and every
 * reply has left; it fails, ending the connection at once, when a lifecycle
 * reports that the connection must end.
 *
 * <p>Immutable: {@link #withHandler}, {@link #withLifecycle} and
 * {@link #withMaxInFlight} return new dispatchers, so subsystems add their
 * roles while the node is assembled.
 */
public final class FrameDispatcher implements ConnectionHandler {

    /** Requests in flight on one connection beyond which new ones are refused. */
    public static final int DEFAULT_MAX_IN_FLIGHT = 10_000;

    private static final Logger log = LoggerFactory.getLogger(FrameDispatcher.class);
    // Where roles that do not serve where read are served: never on a network event loop.
    private static final Scheduler DISPATCH_SCHEDULER = Schedulers.parallel();

    private final WireCodec codec;
    private final Map<String, RoleHandler> handlers;
    private final List<ConnectionLifecycle> lifecycles;
    private final int maxInFlight;

    /** A dispatcher serving the {@code rpc} role with the given service. */
    public FrameDispatcher(WireCodec codec, RpcService rpc) {
        this(Objects.requireNonNull(codec, "codec"), Map.of(RpcRequest.ROLE, rpcHandler(rpc)), List.of(),
                DEFAULT_MAX_IN_FLIGHT);
    }

    private FrameDispatcher(WireCodec codec, Map<String, RoleHandler> handlers, List<ConnectionLifecycle> lifecycles,
                            int maxInFlight) {
        this.codec = codec;
        this.handlers = Map.copyOf(handlers);
        this.lifecycles = List.copyOf(lifecycles);
        this.maxInFlight = maxInFlight;
    }

    /**
     * A dispatcher that also serves {@code role} with {@code handler}. The codec
     * given at construction must decode that role.
     *
     * @throws IllegalArgumentException if the role already has a handler
     */
    public FrameDispatcher withHandler(String role, RoleHandler handler) {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(handler, "handler");
        Map<String, RoleHandler> more = new HashMap<>(handlers);
        if (more.putIfAbsent(role, handler) != null) {
            throw new IllegalArgumentException("role '" + role + "' already has a handler");
        }
        return new FrameDispatcher(codec, more, lifecycles, maxInFlight);
    }

    /** A dispatcher that also lets {@code lifecycle} push frames to each connection and hear when it ends. */
    public FrameDispatcher withLifecycle(ConnectionLifecycle lifecycle) {
        Objects.requireNonNull(lifecycle, "lifecycle");
        List<ConnectionLifecycle> more = new ArrayList<>(lifecycles);
        more.add(lifecycle);
        return new FrameDispatcher(codec, handlers, more, maxInFlight);
    }

    /** A dispatcher allowing at most {@code max} requests in flight per connection. */
    public FrameDispatcher withMaxInFlight(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("max in-flight requests must be at least 1 but was " + max);
        }
        return new FrameDispatcher(codec, handlers, lifecycles, max);
    }

    /** The most requests in flight per connection. */
    public int maxInFlight() {
        return maxInFlight;
    }

    /**
     * Serves a connection; the replies and the pushed frames are pulled as
     * the returned {@code Flux} is requested.
     */
    @Override
    public Flux<String> handle(ConnectionInfo connection, Flux<String> inbound) {
        FluxOutlet outlet = new FluxOutlet();
        return Flux.merge(frames(connection, inbound, outlet).doFinally(signal -> outlet.complete()), outlet.frames())
                .map(CharSequence::toString);
    }

    /**
     * Serves a connection, decoding inbound {@link io.mpreg.core.transport.Utf8Text}
     * from its bytes. Its replies, in the order they are made, and the
     * frames the lifecycles push are pulled through {@code outlet}, replies
     * first; the returned {@code Flux} emits nothing and completes once every
     * reply is made. Notifications fanned out to many connections go as
     * {@link io.mpreg.core.transport.Utf8Text}.
     */
    @Override
    public Flux<CharSequence> frames(ConnectionInfo connection, Flux<? extends CharSequence> inbound,
                                     ConnectionOutlet outlet) {
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(outlet, "outlet");
        return Flux.defer(() -> {
            Served served = new Served(connection, outlet);
            Flux<Void> answeredWhereRead = inbound
                    .doFinally(signal -> served.handedOver.tryEmitComplete())
                    .flatMap(frame -> serve(frame, served), Integer.MAX_VALUE);
            Flux<Void> answeredOnScheduler = served.handedOver.asFlux()
                    .publishOn(DISPATCH_SCHEDULER)
                    .flatMap(handOver -> answer(handOver.message(), handOver.handler(), served, true), Integer.MAX_VALUE);
            Flux<Void> replies = Flux.merge(answeredWhereRead, answeredOnScheduler);
            return (lifecycles.isEmpty() ? replies : withLifecycles(connection, outlet, replies))
                    .thenMany(Flux.<CharSequence>empty());
        });
    }

    /** A decoded message waiting for the scheduler, with the handler of its role. */
    private record HandOver(WireMessage message, RoleHandler handler) {
    }

    /**
     * One connection's serving state. The hand-over sink has one producer, the
     * inbound stream, and is bounded by the in-flight limit, which every
     * handed-over message counts against. Replies wait in {@code replies},
     * in the order they were made, until the connection's writer pulls them.
     */
    private static final class Served {
        final ConnectionInfo connection;
        final AtomicInteger inFlight = new AtomicInteger();
        final Sinks.Many<HandOver> handedOver = Sinks.many().unicast().onBackpressureBuffer();
        final Queue<CharSequence> replies = Queues.<CharSequence>unboundedMultiproducer().get();
        final Runnable wakeWriter;

        Served(ConnectionInfo connection, ConnectionOutlet outlet) {
            this.connection = connection;
            this.wakeWriter = outlet.attach(this::pull);
        }

        // The writer is woken once per socket read for all the replies made while serving it.
        void reply(CharSequence frame) {
            replies.offer(frame);
            ReadBatch.atEnd(wakeWriter);
        }

        private boolean pull(Consumer<? super CharSequence> sink, int max) {
            for (int i = 0; i < max; i++) {
                CharSequence frame = replies.poll();
                if (frame == null) {
                    return false;
                }
                sink.accept(frame);
            }
            return !replies.isEmpty();
        }
    }

    private Flux<Void> withLifecycles(ConnectionInfo connection, ConnectionOutlet outlet, Flux<Void> replies) {
        List<Mono<Void>> failures = new ArrayList<>(lifecycles.size());
        for (ConnectionLifecycle lifecycle : lifecycles) {
            failures.add(lifecycle.opened(connection, outlet));
        }
        // A lifecycle's verdict counts only while the connection is served.
        Sinks.Empty<Void> repliesDone = Sinks.empty();
        Flux<Void> ended = Flux.merge(failures).takeUntilOther(repliesDone.asMono());
        return Flux.merge(replies.doFinally(signal -> repliesDone.tryEmitEmpty()), ended)
                .doFinally(signal -> lifecycles.forEach(lifecycle -> closed(lifecycle, connection)));
    }

    private static void closed(ConnectionLifecycle lifecycle, ConnectionInfo connection) {
        try {
            lifecycle.closed(connection);
        } catch (RuntimeException e) {
            log.error("Releasing connection {} failed in {}", connection.id(), lifecycle, e);
        }
    }

    private Mono<Void> serve(CharSequence frame, Served served) {
        ConnectionInfo connection = served.connection;
        AtomicInteger inFlight = served.inFlight;
        WireMessage message;
        try {
            message = codec.decode(frame);
        } catch (FrameRejectedException rejected) {
            log.debug("connection {}: rejected frame: {}", connection.id(), rejected.getMessage());
            String role = rejected.role();
            RoleHandler roleHandler = role == null ? null : handlers.get(role);
            return replyAtOnce(served, roleHandler == null ? errorReply(rejected.u(), rejected)
                    : roleHandler.rejected(rejected));
        }
        RoleHandler handler = handlers.get(message.role());
        if (handler == null) {
            return replyAtOnce(served, errorReply(message.u(), MpregException.of(ErrorKind.UNKNOWN_ROLE,
                    "role '" + message.role() + "' is not served by this node")));
        }
        // Only the serving of the connection's inbound, one frame at a time, adds to the count, so
        // checking it here and adding later cannot overshoot; answers ending elsewhere only take away.
        if (inFlight.get() >= maxInFlight) {
            return replyAtOnce(served, errorReply(message.u(), MpregException.of(ErrorKind.OVERLOADED,
                    "more than " + maxInFlight + " requests in flight on this connection; retry later")));
        }
        if (handler.servesWhereRead()) {
            return answer(message, handler, served, false);
        }
        inFlight.incrementAndGet();
        if (served.handedOver.tryEmitNext(new HandOver(message, handler)).isFailure()) {
            inFlight.decrementAndGet();
        }
        return Mono.empty();
    }

    // Counts the request in flight until its answer ends (a request handed over to the scheduler
    // was counted when it was handed over), unless it is answered at once: an ack served where
    // read then costs the count no atomic update at all.
    private Mono<Void> answer(WireMessage message, RoleHandler handler, Served served, boolean counted) {
        AtomicInteger inFlight = served.inFlight;
        Flux<WireMessage> answer;
        try {
            answer = handler.handle(message, served.connection);
        } catch (RuntimeException failure) {
            answer = Flux.error(failure);
        }
        if (answer instanceof Fuseable.ScalarCallable<?> single) {
            if (counted) {
                inFlight.decrementAndGet();
            }
            WireMessage reply = answeredAtOnce(message, single);
            return reply == null ? Mono.empty() : replyAtOnce(served, reply);
        }
        if (!counted) {
            inFlight.incrementAndGet();
        }
        return answer
                .onErrorResume(failure -> Mono.just(errorReply(message.u(), asMpreg(message, failure))))
                .doOnNext(reply -> served.reply(encode(reply)))
                .doFinally(signal -> inFlight.decrementAndGet())
                .then();
    }

    // A handler that answered before returning (no reply or one, already made) skips the
    // operator chain, which costs more than the reply itself for acks.
    private static @Nullable WireMessage answeredAtOnce(WireMessage message, Fuseable.ScalarCallable<?> single) {
        try {
            return (WireMessage) single.call();
        } catch (Exception failure) {
            return errorReply(message.u(), asMpreg(message, failure));
        }
    }

    private Mono<Void> replyAtOnce(Served served, WireMessage reply) {
        served.reply(encode(reply));
        return Mono.empty();
    }

    private CharSequence encode(WireMessage message) {
        return codec.encodeFrame(message);
    }

    private static RpcResponse errorReply(@Nullable String u, MpregException failure) {
        return RpcResponse.failure(u, ErrorBody.of(failure));
    }

    private static MpregException asMpreg(WireMessage message, Throwable failure) {
        if (failure instanceof MpregException mpreg) {
            return mpreg;
        }
        log.error("handler of role '{}' failed on message {}", message.role(), message.u(), failure);
        return MpregException.internal("internal fault while serving role '" + message.role() + "'", failure);
    }

    private static RoleHandler rpcHandler(RpcService rpc) {
        Objects.requireNonNull(rpc, "rpc");
        return new RoleHandler() {
            @Override
            public Flux<WireMessage> handle(WireMessage message, ConnectionInfo connection) {
                return rpc.handle((RpcRequest) message).flux().cast(WireMessage.class);
            }

            @Override
            public boolean servesWhereRead() {
                return true;
            }
        };
    }
}
