package io.mpreg.core.transport.internal;

import java.util.Queue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.concurrent.atomic.AtomicLongFieldUpdater;

import org.jspecify.annotations.Nullable;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Operators;
import reactor.util.concurrent.Queues;

/**
 * A connection's inbound messages as a {@code Flux} for exactly one
 * subscriber. The event loop {@linkplain #add adds} the messages of a socket
 * read one by one and {@linkplain #deliver delivers} them together at the end
 * of the read, so handing messages over costs one drain per read rather than
 * one per message. Messages are kept until they are subscribed to and
 * requested; {@link #complete} ends the flux once they are all delivered.
 *
 * <p>Messages the subscriber has not requested wait here, but not without
 * bound: when a read leaves {@value #PAUSE_AT} or more waiting, the
 * {@linkplain #readGate read gate} stops reading from the socket, and it
 * reads again once no more than {@value #RESUME_AT} are left. A peer that
 * keeps sending then fills its own socket buffers, not this process's memory.
 */
final class InboundMessages<T> extends Flux<T> implements Subscription {

    @SuppressWarnings("rawtypes")
    private static final AtomicIntegerFieldUpdater<InboundMessages> WIP =
            AtomicIntegerFieldUpdater.newUpdater(InboundMessages.class, "wip");
    @SuppressWarnings("rawtypes")
    private static final AtomicLongFieldUpdater<InboundMessages> REQUESTED =
            AtomicLongFieldUpdater.newUpdater(InboundMessages.class, "requested");

    /** Messages waiting for the subscriber at which reading stops. */
    static final int PAUSE_AT = 1024;

    /** Messages waiting at or below which reading starts again. */
    static final int RESUME_AT = 256;

    /** Stops and restarts reading from the connection's socket. */
    @FunctionalInterface
    interface ReadGate {

        /** Reading on when {@code on}, else off; callable from any thread. */
        void reading(boolean on);
    }

    // Single producer (the event loop); single consumer (whoever holds the drain).
    private final Queue<T> queue = Queues.<T>unbounded().get();
    private final AtomicBoolean paused = new AtomicBoolean();
    private volatile @Nullable ReadGate gate;
    private final AtomicBoolean subscribed = new AtomicBoolean();
    private volatile @Nullable CoreSubscriber<? super T> subscriber;
    private volatile int wip;
    private volatile long requested;
    private volatile boolean done;
    private volatile boolean cancelled;

    /** Lets the messages waiting here stop and restart reading; before the first {@link #add}. */
    void readGate(ReadGate readGate) {
        gate = readGate;
    }

    /** Queues a message, delivered at the next {@link #deliver}; from the producing thread only. */
    void add(T message) {
        queue.offer(message);
    }

    /** Hands the queued messages to the subscriber, as far as it has requested them; from the producing thread. */
    void deliver() {
        drain();
        pauseIfBacklogged();
    }

    // Gate off before the flag goes up, and a look at the queue after: a consumer that drained
    // meanwhile either sees the flag and turns reading back on, or the look here does.
    private void pauseIfBacklogged() {
        ReadGate current = gate;
        if (current != null && !paused.get() && queue.size() >= PAUSE_AT) {
            current.reading(false);
            paused.set(true);
            resumeIfDrained();
        }
    }

    private void resumeIfDrained() {
        ReadGate current = gate;
        if (current != null && paused.get() && queue.size() <= RESUME_AT && paused.compareAndSet(true, false)) {
            current.reading(true);
        }
    }

    /** Ends the flux after the messages queued so far; called once the producer has added its last message. */
    void complete() {
        done = true;
        drain();
    }

    @Override
    public void subscribe(CoreSubscriber<? super T> actual) {
        if (!subscribed.compareAndSet(false, true)) {
            Operators.error(actual, new IllegalStateException("a connection's inbound allows only one subscriber"));
            return;
        }
        actual.onSubscribe(this);
        subscriber = actual;
        drain();
    }

    @Override
    public void request(long n) {
        if (Operators.validate(n)) {
            Operators.addCap(REQUESTED, this, n);
            drain();
        }
    }

    @Override
    public void cancel() {
        cancelled = true;
        drain();
    }

    // Whoever raises wip from 0 drains, for everyone who asked meanwhile. After the subscriber is
    // completed or cancelled the drain returns without lowering wip, so no one ever drains again.
    private void drain() {
        if (WIP.getAndIncrement(this) != 0) {
            return;
        }
        int missed = 1;
        do {
            CoreSubscriber<? super T> actual = subscriber;
            if (cancelled) {
                queue.clear();
                return;
            }
            if (actual != null) {
                long wanted = requested;
                long sent = 0;
                while (sent != wanted) {
                    boolean finished = done;
                    T message = queue.poll();
                    if (message == null) {
                        if (finished) {
                            actual.onComplete();
                            return;
                        }
                        break;
                    }
                    actual.onNext(message);
                    sent++;
                    if (cancelled) {
                        queue.clear();
                        return;
                    }
                }
                if (sent == wanted && done && queue.isEmpty()) {
                    actual.onComplete();
                    return;
                }
                if (sent != 0 && wanted != Long.MAX_VALUE) {
                    REQUESTED.addAndGet(this, -sent);
                }
                if (sent != 0) {
                    resumeIfDrained();
                }
            }
            missed = WIP.addAndGet(this, -missed);
        } while (missed != 0);
    }
}
