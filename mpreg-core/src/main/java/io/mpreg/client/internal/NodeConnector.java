package io.mpreg.client.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;

import javax.net.ssl.TrustManagerFactory;

import io.mpreg.core.error.ErrorKind;
import io.mpreg.core.error.MpregException;
import io.mpreg.core.pubsub.PubSubNotification;
import io.mpreg.core.transport.WebSocketClient;
import io.mpreg.core.wire.WireCodec;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Holds the client's one connection and opens it on demand: each round tries
 * every URL, starting with the one that worked last; failed rounds are
 * separated by the backoff. Concurrent callers share one attempt. The state
 * is an immutable value swapped with compare-and-set.
 */
final class NodeConnector {

    private static final Logger log = LoggerFactory.getLogger(NodeConnector.class);

    private sealed interface State permits Idle, Connecting, Connected, Closed {
    }

    private record Idle() implements State {
    }

    private record Connecting(Mono<ClientSession> attempt) implements State {
    }

    private record Connected(ClientSession session) implements State {
    }

    private record Closed() implements State {
    }

    private final ClientSettings settings;
    private final WebSocketClient transport;
    private final WireCodec codec;
    private final Consumer<PubSubNotification> notifications;
    private final AtomicReference<State> state = new AtomicReference<>(new Idle());
    private final AtomicInteger preferred = new AtomicInteger();

    NodeConnector(ClientSettings settings, WireCodec codec, Consumer<PubSubNotification> notifications) {
        this.settings = settings;
        this.codec = codec;
        this.notifications = notifications;
        WebSocketClient client = WebSocketClient.create()
                .maxFrameSize(settings.maxFrameSize())
                .connectTimeout(settings.connectTimeout());
        TrustManagerFactory trustManagers = settings.trustManagers();
        this.transport = trustManagers == null ? client : client.trust(trustManagers);
    }

    /** The open session, connecting first if there is none. */
    Mono<ClientSession> session() {
        return Mono.defer(() -> {
            while (true) {
                State current = state.get();
                if (current instanceof Connected connected && connected.session().isOpen()) {
                    return Mono.just(connected.session());
                }
                if (current instanceof Connecting connecting) {
                    return connecting.attempt();
                }
                if (current instanceof Closed) {
                    return Mono.error(MpregException.of(ErrorKind.NODE_LOST, "the client is closed"));
                }
                AtomicReference<@Nullable Connecting> self = new AtomicReference<>();
                Mono<ClientSession> attempt = connectWithRetries()
                        .doOnNext(session -> settle(self.get(), new Connected(session)))
                        .doOnError(error -> settle(self.get(), new Idle()))
                        .cache();
                Connecting next = new Connecting(attempt);
                self.set(next);
                if (state.compareAndSet(current, next)) {
                    // Runs to the end even if every caller gives up, so the state always settles.
                    attempt.subscribe(session -> { }, error -> { });
                    return attempt;
                }
            }
        });
    }

    /**
     * Runs {@code exchange} on the open session (connecting first if there is none),
     * and once more on a new session if the first refused to send the request because
     * it was closing: the node never saw it, so any request may go again.
     */
    <T> Mono<T> exchange(Function<ClientSession, Mono<T>> exchange) {
        return session().flatMap(exchange)
                .onErrorResume(ClientSession::wasNotSent, notSent -> session().flatMap(exchange));
    }

    /** The open session, if there is one now; never connects. */
    @Nullable ClientSession current() {
        return state.get() instanceof Connected connected && connected.session().isOpen() ? connected.session() : null;
    }

    /** Whether {@link #close()} was called. */
    boolean isClosed() {
        return state.get() instanceof Closed;
    }

    /** Closes the connection, if any; later calls fail. */
    void close() {
        State previous = state.getAndSet(new Closed());
        if (previous instanceof Connected connected) {
            connected.session().close();
        } else if (previous instanceof Connecting connecting) {
            connecting.attempt().subscribe(ClientSession::close, error -> { });
        }
    }

    private void settle(@Nullable Connecting from, State to) {
        if (!state.compareAndSet(from, to) && to instanceof Connected connected) {
            // Closed while connecting: nobody will use this session.
            connected.session().close();
        }
    }

    private Mono<ClientSession> connectWithRetries() {
        return Mono.defer(this::connectRound)
                .retryWhen(Retry.from(failures -> failures.concatMap(failure -> {
                    long failedRounds = failure.totalRetries() + 1;
                    if (failedRounds >= settings.connectRounds()) {
                        return Mono.error(failure.failure());
                    }
                    return Mono.delay(settings.backoff().delayAfter(failedRounds, settings.random()),
                            settings.scheduler());
                })));
    }

    private Mono<ClientSession> connectRound() {
        List<String> urls = settings.urls();
        int start = preferred.get();
        List<String> order = new ArrayList<>(urls.size());
        for (int i = 0; i < urls.size(); i++) {
            order.add(urls.get((start + i) % urls.size()));
        }
        AtomicReference<@Nullable Throwable> lastFailure = new AtomicReference<>();
        return Flux.fromIterable(order)
                .concatMap(url -> transport.connect(url)
                        .map(connection -> {
                            preferred.set(urls.indexOf(url));
                            log.info("Connected to {}", url);
                            return new ClientSession(connection, codec, settings.scheduler(), notifications);
                        })
                        .onErrorResume(error -> {
                            log.debug("Cannot connect to {}: {}", url, error.getMessage());
                            lastFailure.set(error);
                            return Mono.empty();
                        }), 1)
                .next()
                .switchIfEmpty(Mono.error(() -> MpregException.of(ErrorKind.NODE_LOST,
                        "no node reachable at " + urls + describe(lastFailure.get()))));
    }

    private static String describe(@Nullable Throwable failure) {
        return failure == null ? "" : " (last: " + failure.getMessage() + ")";
    }
}
