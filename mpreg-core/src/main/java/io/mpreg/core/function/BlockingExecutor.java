package io.mpreg.core.function;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import io.mpreg.core.error.ErrorKind;
import io.mpreg.core.error.MpregException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * A bounded pool for plain functions, which may block: at most
 * {@code maxConcurrency} run at once, at most {@code queueCapacity} wait, and a
 * call beyond that fails at once with {@link ErrorKind#OVERLOADED} instead of
 * piling up.
 *
 * <p>Workers are virtual threads when the running JDK has them (found at run
 * time, since the code is compiled for Java 17), platform daemon threads
 * otherwise. Cancelling a call's {@code Mono} interrupts its worker.
 */
public final class BlockingExecutor implements AutoCloseable {

    /**
     * A snapshot of the pool's load.
     *
     * @param active         calls running now
     * @param queued         calls waiting for a worker
     * @param rejected       calls refused as overloaded since the pool was created
     * @param maxConcurrency the most calls that run at once
     * @param queueCapacity  the most calls that wait
     * @param virtualThreads whether workers are virtual threads
     */
    public record Stats(int active, int queued, long rejected, int maxConcurrency, int queueCapacity,
            boolean virtualThreads) {
    }

    private static final Logger log = LoggerFactory.getLogger(BlockingExecutor.class);
    private static final String THREAD_PREFIX = "mpreg-fn-";

    private final ThreadPoolExecutor pool;
    private final boolean virtualThreads;
    private final LongAdder rejected = new LongAdder();

    private BlockingExecutor(ThreadPoolExecutor pool, boolean virtualThreads) {
        this.pool = pool;
        this.virtualThreads = virtualThreads;
    }

    /**
     * A pool running at most {@code maxConcurrency} calls with at most {@code queueCapacity} waiting.
     *
     * @throws IllegalArgumentException if {@code maxConcurrency < 1} or {@code queueCapacity < 0}
     */
    public static BlockingExecutor create(int maxConcurrency, int queueCapacity) {
        if (maxConcurrency < 1) {
            throw new IllegalArgumentException("maxConcurrency must be at least 1 but was " + maxConcurrency);
        }
        if (queueCapacity < 0) {
            throw new IllegalArgumentException("queueCapacity must not be negative but was " + queueCapacity);
        }
        ThreadFactory virtual = VirtualThreads.factory(THREAD_PREFIX);
        ThreadFactory factory = virtual != null ? virtual : platformThreads();
        // A SynchronousQueue stands in for a zero-capacity queue, which ArrayBlockingQueue refuses.
        ThreadPoolExecutor pool = new ThreadPoolExecutor(maxConcurrency, maxConcurrency, 30, TimeUnit.SECONDS,
                queueCapacity == 0 ? new SynchronousQueue<>() : new ArrayBlockingQueue<>(queueCapacity),
                factory, new ThreadPoolExecutor.AbortPolicy());
        pool.allowCoreThreadTimeOut(true);
        log.debug("blocking pool: {} workers, queue {}, virtual threads {}", maxConcurrency, queueCapacity,
                virtual != null);
        return new BlockingExecutor(pool, virtual != null);
    }

    /**
     * Runs a task on the pool when the returned {@code Mono} is subscribed.
     *
     * <p>The {@code Mono} fails with {@link ErrorKind#OVERLOADED} if the pool and its
     * queue are full, and with whatever the task throws otherwise. A {@code null}
     * result completes it empty.
     */
    public <T> Mono<T> submit(Callable<? extends T> task) {
        return Mono.create(sink -> {
            AtomicBoolean cancelled = new AtomicBoolean();
            Future<?> future;
            try {
                future = pool.submit(() -> {
                    try {
                        sink.success(task.call());
                    } catch (Throwable failure) {
                        // After a cancellation the interrupted task's failure has nobody to go to.
                        if (!cancelled.get()) {
                            sink.error(failure);
                        }
                    }
                });
            } catch (RejectedExecutionException e) {
                rejected.increment();
                sink.error(MpregException.of(ErrorKind.OVERLOADED, pool.isShutdown()
                        ? "the node is shutting down"
                        : "the node is overloaded: " + pool.getMaximumPoolSize() + " functions running and "
                                + pool.getQueue().size() + " waiting; retry later"));
                return;
            }
            sink.onCancel(() -> {
                cancelled.set(true);
                future.cancel(true);
            });
        });
    }

    /** The pool's load now. */
    public Stats stats() {
        return new Stats(pool.getActiveCount(), pool.getQueue().size(), rejected.sum(), pool.getMaximumPoolSize(),
                pool.getQueue().remainingCapacity() + pool.getQueue().size(), virtualThreads);
    }

    /** Whether workers are virtual threads. */
    public boolean virtualThreads() {
        return virtualThreads;
    }

    /** Stops accepting calls and interrupts those still running. */
    @Override
    public void close() {
        pool.shutdownNow();
    }

    private static ThreadFactory platformThreads() {
        AtomicLong counter = new AtomicLong();
        return runnable -> {
            Thread thread = new Thread(runnable, THREAD_PREFIX + counter.getAndIncrement());
            thread.setDaemon(true);
            return thread;
        };
    }
}
