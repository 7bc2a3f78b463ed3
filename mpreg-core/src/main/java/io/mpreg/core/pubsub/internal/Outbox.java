package io.mpreg.core.pubsub.internal;

import java.util.ArrayDeque;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.LongFunction;
import java.util.function.LongSupplier;

import io.mpreg.core.error.ErrorKind;
import io.mpreg.core.error.MpregException;
import io.mpreg.core.pubsub.PubSubMessage;
import io.mpreg.core.pubsub.PubSubNotification;
import io.mpreg.core.pubsub.SlowSubscriberPolicy;
import io.mpreg.core.transport.ConnectionOutlet;
import io.mpreg.core.transport.ReadBatch;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * The bounded queue of notifications waiting for one connection, which the
 * connection's writer {@linkplain #pushTo pulls as frames} only as fast as
 * it has room for them.
 *
 * <p>{@link #offer} never blocks and never waits for the subscriber: when the
 * queue is full, the {@link SlowSubscriberPolicy} decides at once. Each
 * episode of falling behind is logged once when it starts and once when the
 * queue has drained. The writer pulls from one thread at a time, so order is
 * that of {@link #offer}. An offer made while a network event loop serves a
 * read wakes the writer at the end of that read ({@link ReadBatch}), so a
 * read of many publishes hands this connection its notifications together.
 */
public final class Outbox {

    private static final Logger log = LoggerFactory.getLogger(Outbox.class);

    private record Delivery(LocalSubscription subscription, PubSubMessage message, byte[] messageUtf8) {
    }

    private final String connectionId;
    private final int capacity;
    private final SlowSubscriberPolicy policy;
    private final LongSupplier clock;
    private final LongFunction<String> ids;
    private final ExchangeCounters counters;
    private final Runnable onDisconnect;
    private final ArrayDeque<Delivery> queue = new ArrayDeque<>();
    private final AtomicBoolean attached = new AtomicBoolean();
    private final Sinks.Empty<Void> pulledEnd = Sinks.empty();
    // Used by the one thread pulling at a time.
    private final Delivery[] batch = new Delivery[64];
    // What an offer runs at the end of the read batch: the writer's wake-up, once attached.
    private volatile Runnable wake = () -> { };
    private @Nullable Throwable failure;
    private boolean terminated;
    private boolean behind;
    private long droppedThisEpisode;

    /**
     * @param clock epoch milliseconds, read once per batch of notifications handed out
     * @param ids   a new notification id for a time in epoch milliseconds
     */
    public Outbox(String connectionId, int capacity, SlowSubscriberPolicy policy, LongSupplier clock,
            LongFunction<String> ids, ExchangeCounters counters, Runnable onDisconnect) {
        this.connectionId = Objects.requireNonNull(connectionId, "connectionId");
        this.capacity = capacity;
        this.policy = Objects.requireNonNull(policy, "policy");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.counters = Objects.requireNonNull(counters, "counters");
        this.onDisconnect = Objects.requireNonNull(onDisconnect, "onDisconnect");
    }

    /**
     * Queues a notification, applying the slow-subscriber policy if the queue is full.
     * {@code messageUtf8} is the message as {@link PubSubMessage#toJson} renders it, in
     * UTF-8, shared by every delivery of the message.
     */
    public void offer(LocalSubscription subscription, PubSubMessage message, byte[] messageUtf8) {
        Delivery delivery = new Delivery(subscription, message, messageUtf8);
        boolean disconnect = false;
        synchronized (this) {
            if (terminated) {
                return;
            }
            if (queue.size() < capacity) {
                queue.addLast(delivery);
            } else {
                startEpisode();
                switch (policy) {
                    case DROP_OLDEST -> {
                        queue.removeFirst();
                        queue.addLast(delivery);
                        dropped(1);
                    }
                    case DROP_NEWEST -> dropped(1);
                    case DISCONNECT -> {
                        dropped(queue.size() + 1L);
                        behind = false;
                        queue.clear();
                        terminated = true;
                        failure = MpregException.of(ErrorKind.OVERLOADED,
                                "subscriber fell behind by " + capacity + " notifications; disconnecting");
                        disconnect = true;
                    }
                }
            }
        }
        if (disconnect) {
            counters.disconnects.increment();
            onDisconnect.run();
        }
        ReadBatch.atEnd(wake);
    }

    /**
     * Has the connection's writer pull the notifications as frames (each a
     * {@link NotificationFrame}), as it has room for them; once per connection.
     *
     * @return completes when the queue is closed; fails with {@code OVERLOADED}
     *         when the DISCONNECT policy ends the connection
     */
    public Mono<Void> pushTo(ConnectionOutlet outlet) {
        if (!attached.compareAndSet(false, true)) {
            return Mono.error(new IllegalStateException("connection " + connectionId + " already takes its notifications"));
        }
        Runnable writerWake = outlet.attach(this::pull);
        wake = writerWake;
        writerWake.run();
        return pulledEnd.asMono();
    }

    /** Ends the notifications once what is queued has been taken; later offers are ignored. */
    public void close() {
        Throwable error;
        synchronized (this) {
            terminated = true;
            error = failure;
        }
        if (error != null) {
            pulledEnd.tryEmitError(error);
        } else {
            pulledEnd.tryEmitEmpty();
        }
    }

    /** Notifications waiting to be pulled. */
    public synchronized int queued() {
        return queue.size();
    }

    // The writer's pull, on its event loop: the frames of up to max notifications.
    private boolean pull(Consumer<? super CharSequence> frames, int max) {
        int taken;
        boolean more;
        synchronized (this) {
            taken = take(max);
            more = !queue.isEmpty();
        }
        handOut(taken, frames);
        return more;
    }

    // Under the monitor: moves up to `limit` deliveries (and at most a batch) into the batch.
    private int take(long limit) {
        int taken = 0;
        while (taken < batch.length && taken < limit && !queue.isEmpty()) {
            batch[taken++] = queue.pollFirst();
        }
        if (queue.isEmpty()) {
            endEpisode();
        }
        return taken;
    }

    // Outside the monitor: the frames of the batch's deliveries to subscriptions still active, timed by one clock read.
    private void handOut(int taken, Consumer<? super CharSequence> frames) {
        int delivered = 0;
        long now = clock.getAsLong();
        for (int i = 0; i < taken; i++) {
            Delivery next = batch[i];
            batch[i] = null;
            if (next.subscription.isActive()) {
                PubSubNotification notification = new PubSubNotification(ids.apply(now), next.subscription.id(),
                        next.message, next.messageUtf8);
                frames.accept(new NotificationFrame(notification, next.subscription.notificationPart(), next.messageUtf8));
                delivered++;
            }
        }
        counters.delivered.add(delivered);
    }

    private void dropped(long count) {
        counters.dropped.add(count);
        droppedThisEpisode += count;
    }

    private void startEpisode() {
        if (!behind) {
            behind = true;
            log.warn("Connection {} fell behind with {} queued notifications; applying {}", connectionId, capacity,
                    policy);
        }
    }

    private void endEpisode() {
        if (behind) {
            behind = false;
            log.info("Connection {} caught up; {} notifications dropped while it was behind", connectionId,
                    droppedThisEpisode);
            droppedThisEpisode = 0;
        }
    }
}
