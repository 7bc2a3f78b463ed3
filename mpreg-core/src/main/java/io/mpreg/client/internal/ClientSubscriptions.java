package io.mpreg.client.internal;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import io.mpreg.core.error.ErrorKind;
import io.mpreg.core.error.MpregException;
import io.mpreg.core.pubsub.PubSubAck;
import io.mpreg.core.pubsub.PubSubMessage;
import io.mpreg.core.pubsub.PubSubNotification;
import io.mpreg.core.pubsub.PubSubSubscribe;
import io.mpreg.core.pubsub.PubSubUnsubscribe;
import io.mpreg.core.pubsub.SubscriptionRequest;
import io.mpreg.core.pubsub.TopicPattern;
import io.mpreg.core.wire.RpcResponse;
import io.mpreg.core.wire.WireMessage;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.BufferOverflowStrategy;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;
import reactor.core.publisher.Mono;

/**
 * The client's live subscriptions: registers each with the node, routes the
 * node's notifications to them, unsubscribes when one is cancelled, and
 * registers them all again, with the same ids, on the next connection when
 * the current one drops.
 */
final class ClientSubscriptions {

    private static final Logger log = LoggerFactory.getLogger(ClientSubscriptions.class);

    private record Active(SubscriptionRequest request, FluxSink<PubSubMessage> sink, Runnable onRegistered) {
    }

    private final ClientSettings settings;
    private final Supplier<String> ids;
    private final NodeConnector connector;
    private final Map<String, Active> active = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicReference<@Nullable ClientSession> watched = new AtomicReference<>();

    /**
     * @param ids        fresh {@code u} values for outgoing frames
     * @param connectors builds the client's connector around the listener of notifications it is given
     */
    ClientSubscriptions(ClientSettings settings, Supplier<String> ids,
                        Function<Consumer<PubSubNotification>, NodeConnector> connectors) {
        this.settings = settings;
        this.ids = ids;
        this.connector = connectors.apply(this::deliver);
    }

    /** The connector whose sessions deliver notifications here. */
    NodeConnector connector() {
        return connector;
    }

    /**
     * The messages matching the patterns; subscribing registers the
     * subscription, cancelling ends it. {@code onRegistered} runs each time
     * the node acknowledges it (again after a reconnect).
     */
    Flux<PubSubMessage> subscribe(List<TopicPattern> patterns, Runnable onRegistered) {
        return Flux.<PubSubMessage>create(sink -> {
                    String id = "sub-" + sequence.incrementAndGet();
                    Active subscription = new Active(new SubscriptionRequest(id, patterns, "", false, null), sink,
                            onRegistered);
                    active.put(id, subscription);
                    sink.onDispose(() -> {
                        if (active.remove(id) != null) {
                            unsubscribe(id);
                        }
                    });
                    connector.session().subscribe(session -> register(session, subscription),
                            error -> fail(subscription, error));
                })
                .onBackpressureBuffer(settings.subscriptionBuffer(),
                        dropped -> log.debug("Subscription buffer full; dropped the oldest message"),
                        BufferOverflowStrategy.DROP_OLDEST);
    }

    /** Hands a notification to its subscription; notifications for ended ones are ignored. */
    private void deliver(PubSubNotification notification) {
        Active subscription = active.get(notification.subscriptionId());
        if (subscription != null) {
            subscription.sink().next(notification.message());
        }
    }

    private void register(ClientSession session, Active subscription) {
        watch(session);
        String u = ids.get();
        acknowledged(session.exchange(new PubSubSubscribe(u, subscription.request()), u))
                .subscribe(null, error -> fail(subscription, error), subscription.onRegistered());
    }

    private void unsubscribe(String id) {
        ClientSession session = connector.current();
        if (session != null) {
            String u = ids.get();
            acknowledged(session.exchange(new PubSubUnsubscribe(u, id), u))
                    .subscribe(null, error -> log.debug("Unsubscribing {} failed: {}", id, error.getMessage()));
        }
    }

    private void watch(ClientSession session) {
        ClientSession previous = watched.getAndSet(session);
        if (previous != session) {
            session.onEnded().subscribe(null, null, () -> reconnect(session));
        }
    }

    private void reconnect(ClientSession lost) {
        if (active.isEmpty() || connector.isClosed() || watched.get() != lost) {
            return;
        }
        log.info("Connection to {} lost with {} subscription(s); subscribing again", lost.url(), active.size());
        connector.session().subscribe(
                session -> active.values().forEach(subscription -> register(session, subscription)),
                error -> active.values().forEach(subscription -> fail(subscription, error)));
    }

    private void fail(Active subscription, Throwable error) {
        if (active.remove(subscription.request().subscriptionId(), subscription)) {
            subscription.sink().error(error);
        }
    }

    private Mono<Void> acknowledged(Mono<WireMessage> reply) {
        Duration wait = settings.requestTimeout();
        return reply.timeout(wait, settings.scheduler())
                .onErrorMap(TimeoutException.class, e -> MpregException.of(ErrorKind.TIMEOUT, "no ack within " + wait))
                .flatMap(ClientSubscriptions::checkAck);
    }

    /** Turns an ack (or the node's error reply to a pub/sub frame it does not serve) into success or failure. */
    static Mono<Void> checkAck(WireMessage reply) {
        if (reply instanceof PubSubAck ack) {
            if (ack.success()) {
                return Mono.empty();
            }
            ErrorKind kind = ack.errorKind();
            return Mono.error(MpregException.of(kind == null ? ErrorKind.INTERNAL : kind, String.valueOf(ack.error())));
        }
        if (reply instanceof RpcResponse response && response.error() != null) {
            return Mono.error(response.error().toException());
        }
        return Mono.error(MpregException.of(ErrorKind.MALFORMED, "a '" + reply.role() + "' frame answered a pub/sub request"));
    }
}
