package io.mpreg.core.cluster;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;

import io.mpreg.core.cluster.internal.ExecutorClusterScheduler;

/**
 * Time and execution for one cluster node: the protocol runs every task on
 * one logical thread, so its state needs no locks.
 *
 * <p>Real nodes use {@link #onExecutor}; the simulation supplies virtual
 * time, so a thousand nodes run in one thread, deterministically.
 */
public interface ClusterScheduler {

    /** The current time in nanoseconds, from an arbitrary origin (monotonic). */
    long nanoTime();

    /** Runs the task after the delay, on the protocol's thread. */
    Cancellable schedule(Duration delay, Runnable task);

    /** Runs the task soon, on the protocol's thread, after tasks already submitted. */
    void execute(Runnable task);

    /** A scheduled task that may be cancelled. */
    @FunctionalInterface
    interface Cancellable {
        /** Cancels the task if it has not run yet. */
        void cancel();
    }

    /**
     * A scheduler on real time over a single-threaded executor, which must run
     * tasks one at a time (for example {@code Executors.newSingleThreadScheduledExecutor}).
     */
    static ClusterScheduler onExecutor(ScheduledExecutorService singleThread) {
        return new ExecutorClusterScheduler(singleThread);
    }
}
