package io.mpreg.core.transport.internal;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import io.mpreg.core.transport.TransportStats;

/** Lock-free counters behind {@link TransportStats} snapshots. */
public final class TransportCounters {

    private final AtomicInteger open = new AtomicInteger();
    private final LongAdder accepted = new LongAdder();
    private final LongAdder framesIn = new LongAdder();
    private final LongAdder framesOut = new LongAdder();
    private final LongAdder oversizeCloses = new LongAdder();
    private final LongAdder idleCloses = new LongAdder();

    void connectionOpened() {
        accepted.increment();
        open.incrementAndGet();
    }

    void connectionClosed() {
        open.decrementAndGet();
    }

    void frameIn() {
        framesIn.increment();
    }

    void framesIn(int count) {
        framesIn.add(count);
    }

    void framesOut(int count) {
        framesOut.add(count);
    }

    void oversizeClose() {
        oversizeCloses.increment();
    }

    void idleClose() {
        idleCloses.increment();
    }

    /** The counters as they are now. */
    public TransportStats snapshot() {
        return new TransportStats(open.get(), accepted.sum(), framesIn.sum(), framesOut.sum(),
                oversizeCloses.sum(), idleCloses.sum());
    }
}
