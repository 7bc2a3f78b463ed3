package io.mpreg.core.cluster.internal;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import io.mpreg.core.cluster.ClusterScheduler;

/** {@link ClusterScheduler} on real time over a single-threaded scheduled executor. */
public final class ExecutorClusterScheduler implements ClusterScheduler {

    private final ScheduledExecutorService executor;

    public ExecutorClusterScheduler(ScheduledExecutorService executor) {
        this.executor = Objects.requireNonNull(executor, "executor");
    }

    @Override
    public long nanoTime() {
        return System.nanoTime();
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable task) {
        ScheduledFuture<?> future = executor.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
        return () -> future.cancel(false);
    }

    @Override
    public void execute(Runnable task) {
        executor.execute(task);
    }
}
