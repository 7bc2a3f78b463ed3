package io.mpreg.client.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import io.mpreg.core.error.ErrorKind;
import io.mpreg.core.error.MpregException;
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
    private final AtomicReference<State> state = new AtomicReference<>(new Idle());
    private final AtomicInteger preferred = new AtomicInteger();

    NodeConnector(ClientSettings settings, WireCodec codec) {
        this.settings = settings;
        this.codec = codec;
        this.transport = WebSocketClient.create()
                .maxFrameSize(settings.maxFrameSize())
                .connectTimeout(settings.connectTimeout());
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
                Connecting next = new Connecting(connectWithRetries().cache());
                if (state.compareAndSet(current, next)) {
                    return next.attempt()
                            .doOnNext(session -> settle(next, new Connected(session)))
                            .doOnError(error -> settle(next, new Idle()));
                }
            }
        });
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

    private void settle(Connecting from, State to) {
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
                            return new ClientSession(connection, codec, settings.scheduler());
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
