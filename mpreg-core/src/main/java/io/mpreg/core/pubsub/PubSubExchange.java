package io.mpreg.core.pubsub;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;
import java.util.function.Supplier;

import io.mpreg.core.error.ErrorKind;
import io.mpreg.core.error.MpregException;
import io.mpreg.core.pubsub.internal.Backlog;
import io.mpreg.core.pubsub.internal.ExchangeCounters;
import io.mpreg.core.pubsub.internal.LocalSubscription;
import io.mpreg.core.pubsub.internal.NotificationFrame;
import io.mpreg.core.pubsub.internal.Outbox;
import io.mpreg.core.pubsub.internal.TopicIndex;
import io.mpreg.core.pubsub.internal.UlidSource;
import io.mpreg.core.transport.ConnectionInfo;
import io.mpreg.core.transport.ConnectionOutlet;
import io.mpreg.core.transport.FluxOutlet;
import io.mpreg.core.transport.ReadBatch;
import io.mpreg.core.wire.WireMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The topic exchange of one node: serves the {@code pubsub-subscribe},
 * {@code pubsub-unsubscribe} and {@code pubsub-publish} roles, keeps the
 * backlog, and delivers notifications to each connection through its own
 * bounded {@link #outbound(ConnectionInfo) outbound stream}.
 *
 * <p>Guarantees on this node: a message is delivered once to every matching
 * subscription registered before it was published; messages published one
 * after another (by one publisher, on one topic or not) reach a subscription
 * in that order; a subscription asking for the backlog receives the retained
 * matching messages and then the live ones, with no gap and no duplicate
 * between them. Only the slow-subscriber policy may drop notifications.
 *
 * <p>Locks, always taken in this order: the backlog's monitor, a
 * connection's monitor, the topic index's write lock, an outbox's monitor. A
 * publisher holds the backlog's monitor while it retains and matches a
 * message, a subscription asking for the backlog while it registers and
 * queues the replay: so each message is either replayed to it or matched
 * live, and live ones are queued after the replay. Matching takes no lock of its own.
 */
public final class PubSubExchange {

    private static final Logger log = LoggerFactory.getLogger(PubSubExchange.class);

    private final PubSubConfig config;
    private final Clock clock;
    private final JsonMapper mapper;
    private final LongFunction<String> ids;
    private final TopicIndex<LocalSubscription> index;
    private final Backlog backlog;
    // Messages accepted on this node. Guarded by the backlog's monitor, which every publish holds anyway.
    private long published;
    private final ExchangeCounters counters = new ExchangeCounters();
    private final ConcurrentHashMap<String, Connection> connections = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<TopicPattern, Integer> patternUse = new ConcurrentHashMap<>();
    private final AtomicInteger subscriptionCount = new AtomicInteger();
    private final AtomicLong inProcessSequence = new AtomicLong();
    private volatile PeerForwarder peers = PeerForwarder.NONE;

    private PubSubExchange(PubSubConfig config, Clock clock, JsonMapper mapper, LongFunction<String> ids) {
        this.config = Objects.requireNonNull(config, "config");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.index = new TopicIndex<>(config.matchCacheSize());
        this.backlog = new Backlog(config.backlogWindow(), config.backlogMaxMessages(), config.backlogMaxBytes());
    }

    /**
     * An exchange whose notifications get ULIDs as their {@code u}, timed by
     * {@code clock}: each thread makes its own, monotonic, so the ids of one
     * connection's notifications (handed out on its event loop) increase. Their
     * random part only keeps ids apart, so it comes from a fast generator
     * rather than a secure one.
     */
    public static PubSubExchange create(PubSubConfig config, Clock clock, JsonMapper mapper) {
        ThreadLocal<UlidSource> perThread = ThreadLocal.withInitial(
                () -> new UlidSource(() -> ThreadLocalRandom.current().nextLong()));
        return new PubSubExchange(config, clock, mapper, now -> perThread.get().apply(now));
    }

    /** An exchange with its own source of notification ids. */
    public static PubSubExchange create(PubSubConfig config, Clock clock, JsonMapper mapper, Supplier<String> ids) {
        Objects.requireNonNull(ids, "ids");
        return new PubSubExchange(config, clock, mapper, now -> ids.get());
    }

    /**
     * Serves one pub/sub frame of a connection, in the shape of the node's role
     * handlers: the work is done before this returns, and the result holds the ack.
     */
    public Flux<WireMessage> handle(WireMessage message, ConnectionInfo connection) {
        return Flux.just(answer(message, connection.id()));
    }

    /** Serves one pub/sub frame of a connection and returns its ack; never throws for bad input. */
    public PubSubAck answer(WireMessage message, String connectionId) {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(connectionId, "connectionId");
        try {
            if (message instanceof PubSubSubscribe subscribe) {
                subscribe(connectionId, subscribe.subscription());
                return PubSubAck.ok(subscribe.u());
            }
            if (message instanceof PubSubUnsubscribe unsubscribe) {
                unsubscribe(connectionId, unsubscribe.subscriptionId());
                return PubSubAck.ok(unsubscribe.u());
            }
            if (message instanceof PubSubPublish publish) {
                publish(publish.message());
                return PubSubAck.ok(publish.u());
            }
            return PubSubAck.failed(message.u(), MpregException.of(ErrorKind.UNKNOWN_ROLE,
                    "role '" + message.role() + "' is not served by the pub/sub exchange"));
        } catch (MpregException e) {
            return PubSubAck.failed(message.u(), e);
        }
    }

    /**
     * The notifications for one connection, bounded by the configured queue size.
     * Subscribe once per connection; it completes on {@link #connectionClosed}
     * and fails with {@code OVERLOADED} if the DISCONNECT policy ends the connection.
     */
    public Flux<WireMessage> outbound(ConnectionInfo connection) {
        return Flux.defer(() -> {
            FluxOutlet outlet = new FluxOutlet();
            // Not merged with the frames: a merge would pull ahead of what is requested, past the bounded queue.
            pushTo(connection, outlet).subscribe(null, outlet::fail, outlet::complete);
            return outlet.frames().map(frame -> ((NotificationFrame) frame).notification());
        });
    }

    /**
     * Has a connection's writer pull the connection's notifications as frames
     * from their bounded queue, as it has room for them: the form of
     * {@link #outbound} for a transport's {@link ConnectionOutlet}, whose
     * frames are each a {@link NotificationFrame}. Once per connection,
     * instead of {@code outbound}.
     *
     * @return completes on {@link #connectionClosed}; fails with {@code OVERLOADED}
     *         if the DISCONNECT policy ends the connection
     */
    public Mono<Void> pushTo(ConnectionInfo connection, ConnectionOutlet outlet) {
        Objects.requireNonNull(outlet, "outlet");
        return connection(connection.id()).outbox.pushTo(outlet);
    }

    /**
     * Subscribes code running on this node, without a connection. The
     * subscription is registered when the returned {@code Flux} is subscribed
     * (replaying the backlog first if asked) and ends when it is cancelled.
     * Messages pass through a bounded queue under the configured
     * slow-subscriber policy, like a connection's notifications; with
     * {@code DISCONNECT} the {@code Flux} fails with {@code OVERLOADED}. A
     * subscription that cannot be registered fails the {@code Flux} with the reason.
     * Messages are emitted on the publishing thread, which may be a network
     * event loop: move any blocking work off it ({@code publishOn}).
     */
    public Flux<PubSubMessage> subscribeInProcess(SubscriptionRequest request) {
        Objects.requireNonNull(request, "request");
        return Flux.defer(() -> {
            String connectionId = "in-process-" + inProcessSequence.incrementAndGet();
            Flux<WireMessage> notifications = outbound(new ConnectionInfo(connectionId, "in-process"));
            try {
                subscribe(connectionId, request);
            } catch (MpregException e) {
                connectionClosed(connectionId);
                return Flux.error(e);
            }
            return notifications.map(notification -> ((PubSubNotification) notification).message())
                    .doFinally(signal -> connectionClosed(connectionId));
        });
    }

    /**
     * Adds a subscription of a connection; with {@code get_backlog} the retained
     * matching messages are queued for it first.
     *
     * @throws MpregException {@code BAD_ARGUMENTS} if the connection already has a subscription with that id
     */
    public void subscribe(String connectionId, SubscriptionRequest request) {
        Connection connection = connection(connectionId);
        LocalSubscription subscription = new LocalSubscription(connectionId, request, connection.outbox);
        if (!request.getBacklog()) {
            register(connection, subscription);
            return;
        }
        synchronized (backlog) {
            register(connection, subscription);
            replayBacklog(subscription);
        }
    }

    /**
     * Ends a subscription of a connection. Notifications for it that are still
     * queued are discarded.
     *
     * @throws MpregException {@code BAD_ARGUMENTS} if the connection has no such subscription
     */
    public void unsubscribe(String connectionId, String subscriptionId) {
        Connection connection = connections.get(connectionId);
        LocalSubscription removed = null;
        if (connection != null) {
            synchronized (connection) {
                removed = connection.subscriptions.remove(subscriptionId);
            }
        }
        if (removed == null) {
            throw MpregException.of(ErrorKind.BAD_ARGUMENTS,
                    "no subscription '" + subscriptionId + "' on this connection");
        }
        end(removed);
    }

    /** Ends every subscription of a connection and completes its outbound stream. */
    public void connectionClosed(String connectionId) {
        Connection connection = connections.remove(connectionId);
        if (connection == null) {
            return;
        }
        List<LocalSubscription> ended;
        synchronized (connection) {
            connection.closed = true;
            ended = new ArrayList<>(connection.subscriptions.values());
            connection.subscriptions.clear();
        }
        ended.forEach(this::end);
        connection.outbox.close();
        log.debug("Connection {} closed; {} subscriptions ended", connectionId, ended.size());
    }

    /**
     * Connects this exchange to its cluster: messages published here are handed to the
     * forwarder after they are queued locally, and it is told when local interest changes.
     */
    public void forwardTo(PeerForwarder forwarder) {
        this.peers = Objects.requireNonNull(forwarder, "forwarder");
    }

    /**
     * Publishes a message on this node: retains it in the backlog, queues it
     * for every matching local subscription, then hands it to the
     * {@link #forwardTo forwarder} for the matching subscriptions of other nodes.
     *
     * @return how many local subscriptions it was queued for
     */
    public int publish(PubSubMessage message) {
        Objects.requireNonNull(message, "message");
        long now = ReadBatch.millis(clock);
        PubSubMessage stamped = message.stampedIfAbsent(now / 1000.0);
        int queued = acceptLocally(stamped, now);
        int sent = peers.forward(stamped);
        if (sent > 0) {
            counters.forwarded.add(sent);
        }
        return queued;
    }

    /**
     * Takes a message that another node forwarded here: retains it and queues it
     * for the matching local subscriptions only, never forwarding it again.
     *
     * @return how many local subscriptions it was queued for
     */
    public int deliverFromPeer(PubSubMessage message) {
        Objects.requireNonNull(message, "message");
        long now = ReadBatch.millis(clock);
        return acceptLocally(message.stampedIfAbsent(now / 1000.0), now);
    }

    /** The patterns of all local subscriptions, for peers deciding what to forward here. */
    public InterestSummary interest() {
        return new InterestSummary(patternUse.keySet(), index.generation());
    }

    /** The live subscriptions, by connection and then subscription id. */
    public List<SubscriptionView> subscriptions() {
        List<SubscriptionView> views = new ArrayList<>();
        List<Map.Entry<String, Connection>> byId = new ArrayList<>(connections.entrySet());
        byId.sort(Map.Entry.comparingByKey());
        for (Map.Entry<String, Connection> entry : byId) {
            List<LocalSubscription> live;
            synchronized (entry.getValue()) {
                live = new ArrayList<>(entry.getValue().subscriptions.values());
            }
            live.sort(Comparator.comparing(LocalSubscription::id));
            for (LocalSubscription subscription : live) {
                views.add(new SubscriptionView(entry.getKey(), subscription.id(), subscription.request().patterns()
                        .stream().map(p -> (p.exactMatch() ? "=" : "") + p.pattern()).toList(),
                        subscription.request().subscriber()));
            }
        }
        return views;
    }

    /** A snapshot of the counters. */
    public PubSubStats stats() {
        long publishedSoFar;
        synchronized (backlog) {
            publishedSoFar = published;
        }
        return new PubSubStats(publishedSoFar, counters.delivered.sum(), counters.forwarded.sum(),
                counters.dropped.sum(), counters.disconnects.sum(), subscriptionCount.get(), connections.size(), backlog.size(),
                backlog.bytes());
    }

    // Callers take the time once per message (on an event loop, once per read: ReadBatch.millis) and pass it on.
    private int acceptLocally(PubSubMessage stamped, long now) {
        byte[] json = stamped.toUtf8(mapper);
        List<LocalSubscription> matches;
        synchronized (backlog) {
            published++;
            backlog.append(stamped, json.length, now);
            matches = index.match(stamped.topic());
        }
        for (int i = 0; i < matches.size(); i++) {
            LocalSubscription subscription = matches.get(i);
            subscription.outbox().offer(subscription, stamped, json);
        }
        return matches.size();
    }

    private void register(Connection connection, LocalSubscription subscription) {
        synchronized (connection) {
            if (connection.closed) {
                throw MpregException.of(ErrorKind.BAD_ARGUMENTS, "connection is closed");
            }
            if (connection.subscriptions.putIfAbsent(subscription.id(), subscription) != null) {
                throw MpregException.of(ErrorKind.BAD_ARGUMENTS,
                        "subscription '" + subscription.id() + "' already exists on this connection");
            }
            for (TopicPattern pattern : subscription.request().patterns()) {
                index.add(pattern, subscription);
                patternUse.merge(pattern, 1, Integer::sum);
            }
        }
        subscriptionCount.incrementAndGet();
        log.debug("Subscribed {} to {}", subscription, subscription.request().patterns());
        peers.interestChanged();
    }

    private void end(LocalSubscription subscription) {
        subscription.end();
        for (TopicPattern pattern : subscription.request().patterns()) {
            index.remove(pattern, subscription);
            patternUse.computeIfPresent(pattern, (p, uses) -> uses == 1 ? null : uses - 1);
        }
        subscriptionCount.decrementAndGet();
        peers.interestChanged();
    }

    private void replayBacklog(LocalSubscription subscription) {
        Double seconds = subscription.request().backlogSeconds();
        Duration lookBack = backlog.window();
        if (seconds != null) {
            Duration asked = Duration.ofNanos((long) Math.min(seconds * 1e9, Long.MAX_VALUE));
            lookBack = asked.compareTo(lookBack) < 0 ? asked : lookBack;
        }
        long now = clock.millis();
        for (PubSubMessage retained : backlog.since(now - lookBack.toMillis(), now)) {
            if (matchesAny(subscription.request().patterns(), retained.topic())) {
                subscription.outbox().offer(subscription, retained, retained.toUtf8(mapper));
            }
        }
    }

    private static boolean matchesAny(List<TopicPattern> patterns, String topic) {
        for (TopicPattern pattern : patterns) {
            if (pattern.matches(topic)) {
                return true;
            }
        }
        return false;
    }

    private Connection connection(String connectionId) {
        return connections.computeIfAbsent(connectionId, id -> new Connection(new Outbox(id,
                config.maxQueuedPerConnection(), config.slowSubscriberPolicy(), clock::millis, ids, counters,
                () -> connectionClosed(id))));
    }

    /** One connection's subscriptions, by client id, guarded by the object's monitor. */
    private static final class Connection {
        final Outbox outbox;
        final Map<String, LocalSubscription> subscriptions = new HashMap<>();
        boolean closed;

        Connection(Outbox outbox) {
            this.outbox = outbox;
        }
    }
}
