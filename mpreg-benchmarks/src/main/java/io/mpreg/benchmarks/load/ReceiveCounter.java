package io.mpreg.benchmarks.load;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.jspecify.annotations.Nullable;

/**
 * A subscriber's count of received messages that the publisher can wait on:
 * the subscriber's thread wakes it once the count it waits for is reached,
 * so a publisher held back by the window sleeps instead of polling.
 */
final class ReceiveCounter {

    private final AtomicLong count = new AtomicLong();
    private volatile long wakeAt = Long.MAX_VALUE;
    private volatile @Nullable Thread waiter;

    /** Counts one received message. */
    void increment() {
        if (count.incrementAndGet() >= wakeAt) {
            wakeAt = Long.MAX_VALUE;
            LockSupport.unpark(waiter);
        }
    }

    long get() {
        return count.get();
    }

    /** Waits until the count reaches {@code target} or {@code maxWaitNanos} have passed. One waiter at a time. */
    void awaitAtLeast(long target, long maxWaitNanos) {
        long deadline = System.nanoTime() + maxWaitNanos;
        waiter = Thread.currentThread();
        wakeAt = target;
        try {
            long left = maxWaitNanos;
            while (count.get() < target && left > 0) {
                LockSupport.parkNanos(this, left);
                left = deadline - System.nanoTime();
            }
        } finally {
            wakeAt = Long.MAX_VALUE;
        }
    }
}
