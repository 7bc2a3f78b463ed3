package io.mpreg.core.fabric.internal;

import java.time.Duration;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.mpreg.core.transport.ReconnectBackoff;
import io.mpreg.core.transport.WebSocketClient;
import io.mpreg.core.transport.WebSocketClientConnection;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.scheduler.Scheduler;

/**
 * A WebSocket connection this node dials to one peer, shared by every
 * message and call sent over it (multiplexed: calls are correlated by
 * {@code u}). {@link PeerLinks} decides whether a peer is reached through its
 * link or through the connection the peer dialed.
 *
 * <p>Connects on the first send and again on the first send after a drop,
 * never sooner than the backoff allows after failed attempts. Frames sent
 * while connecting wait (bounded); if the attempt fails they are dropped and
 * waiting calls fail as not sent. A circuit breaker counts connection
 * attempts: after three failures in a row it stays open for the configured
 * time, during which frames are dropped at once, then lets one attempt through.
 *
 * <p>Lock-free: the connection is swapped with compare-and-set and one
 * attempt at a time is guarded by a flag.
 */
final class PeerLink {

    /** Frames waiting for a connection beyond which sends are refused. */
    static final int MAX_WAITING = 4096;

    private static final Logger log = LoggerFactory.getLogger(PeerLink.class);

    /** What the link tells its owner. */
    interface Events {
        /** A frame arrived on this link; whatever answers it goes back on the same link. */
        void received(PeerLink link, String frame);

        /**
         * A connection to the peer at the address ended (a {@link PeerLink}'s or an {@link InboundChannel}):
         * calls sent over it will not be answered.
         */
        void lost(Object connection, String address);

        /** A call queued on this link could not be sent. */
        void notSent(String callId, String address, String reason);
    }

    private record Outgoing(String frame, @Nullable String callId) {
    }

    private final String address;
    private final WebSocketClient client;
    private final CircuitBreaker breaker;
    private final ReconnectBackoff backoff;
    private final Random random;
    private final ScheduledExecutorService timer;
    private final Scheduler dispatch;
    private final Events events;
    private final AtomicReference<@Nullable WebSocketClientConnection> connection = new AtomicReference<>();
    private final AtomicBoolean connecting = new AtomicBoolean();
    private final Queue<Outgoing> waiting = new ConcurrentLinkedQueue<>();
    private final AtomicInteger waitingCount = new AtomicInteger();
    private volatile boolean closed;
    private volatile long nextAttemptNanos;
    private volatile int failedAttempts;

    PeerLink(String address, WebSocketClient client, Duration breakerOpenTime, ReconnectBackoff backoff,
            Random random, ScheduledExecutorService timer, Scheduler dispatch, Events events) {
        this.address = address;
        this.client = client;
        this.backoff = backoff;
        this.random = random;
        this.timer = timer;
        this.dispatch = dispatch;
        this.events = events;
        this.breaker = CircuitBreaker.of("peer " + address, CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(3)
                .minimumNumberOfCalls(3)
                .failureRateThreshold(100)
                .waitDurationInOpenState(breakerOpenTime)
                .permittedNumberOfCallsInHalfOpenState(1)
                .writableStackTraceEnabled(false)
                .build());
        breaker.getEventPublisher().onStateTransition(event ->
                log.info("peer link to {}: circuit {}", address, event.getStateTransition().getToState()));
    }

    /** The peer's address this link dials. */
    String address() {
        return address;
    }

    /** The state of the link's circuit breaker (for tests and diagnostics). */
    CircuitBreaker.State circuitState() {
        return breaker.getState();
    }

    /** Whether a connection is open now. */
    boolean isOpen() {
        WebSocketClientConnection open = connection.get();
        return open != null && open.isOpen();
    }

    /**
     * Sends a frame, connecting first if needed.
     *
     * @param callId the call the frame carries, told back through {@link Events#notSent} if it cannot leave
     * @return false if the frame was dropped at once (link closed or too many frames waiting)
     */
    boolean send(String frame, @Nullable String callId) {
        WebSocketClientConnection open = connection.get();
        if (open != null && waiting.isEmpty() && open.send(frame)) {
            return true;
        }
        if (closed) {
            return false;
        }
        if (waitingCount.incrementAndGet() > MAX_WAITING) {
            waitingCount.decrementAndGet();
            return false;
        }
        waiting.offer(new Outgoing(frame, callId));
        if (connection.get() != null) {
            flush();
        } else {
            connect();
        }
        return true;
    }

    /** Whether nothing waits to be sent and no attempt to connect is under way. */
    boolean idle() {
        return !connecting.get() && waiting.isEmpty();
    }

    /** Closes the connection and stops connecting; waiting calls fail as not sent. */
    void close() {
        closed = true;
        WebSocketClientConnection open = connection.getAndSet(null);
        if (open != null) {
            open.close();
        }
        dropWaiting("the link to " + address + " was closed");
    }

    private void connect() {
        if (closed || !connecting.compareAndSet(false, true)) {
            return;
        }
        long delay = nextAttemptNanos - System.nanoTime();
        if (delay > 0) {
            timer.schedule(this::attempt, delay, TimeUnit.NANOSECONDS);
        } else {
            attempt();
        }
    }

    private void attempt() {
        if (closed) {
            connecting.set(false);
            return;
        }
        if (!breaker.tryAcquirePermission()) {
            connecting.set(false);
            dropWaiting("peer " + address + " is unreachable (circuit open after repeated connection failures)");
            return;
        }
        long start = System.nanoTime();
        client.connect(address).subscribe(opened -> opened(opened, start), failure -> failed(failure, start));
    }

    private void opened(WebSocketClientConnection opened, long start) {
        breaker.onSuccess(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        failedAttempts = 0;
        nextAttemptNanos = 0;
        if (closed) {
            connection.set(opened);
            flush();
            connection.set(null);
            opened.close();
            connecting.set(false);
            return;
        }
        opened.inbound().publishOn(dispatch).subscribe(frame -> events.received(this, frame),
                failure -> log.debug("peer link to {}: inbound failed", address, failure));
        opened.onClose().subscribe(null, failure -> dropped(opened), () -> dropped(opened));
        connection.set(opened);
        connecting.set(false);
        log.debug("peer link to {} open", address);
        flush();
    }

    private void failed(Throwable failure, long start) {
        breaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, failure);
        int failures = failedAttempts + 1;
        failedAttempts = failures;
        nextAttemptNanos = System.nanoTime() + backoff.delayAfter(failures, random).toNanos();
        connecting.set(false);
        if (failures == 1) {
            log.info("peer link to {} cannot connect ({}); retrying with backoff", address, failure.getMessage());
        }
        dropWaiting("cannot connect to peer " + address + ": " + failure.getMessage());
    }

    private void dropped(WebSocketClientConnection ended) {
        if (connection.compareAndSet(ended, null)) {
            if (!closed) {
                log.info("peer link to {} lost", address);
            }
            events.lost(this, address);
        }
    }

    private void flush() {
        WebSocketClientConnection open = connection.get();
        if (open == null) {
            return;
        }
        Outgoing next;
        while ((next = waiting.poll()) != null) {
            waitingCount.decrementAndGet();
            if (!open.send(next.frame()) && next.callId() != null) {
                events.notSent(next.callId(), address, "the connection to " + address + " closed");
            }
        }
    }

    private void dropWaiting(String reason) {
        Outgoing next;
        while ((next = waiting.poll()) != null) {
            waitingCount.decrementAndGet();
            if (next.callId() != null) {
                events.notSent(next.callId(), address, reason);
            }
        }
    }
}
