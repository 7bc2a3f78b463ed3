package io.mpreg.benchmarks.load;

import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Runs one closed loop through its warm-up and its measured window: the load
 * never pauses between the two, only the recording is cut at the window's edges.
 */
final class LoadRun {

    /** How long a stopping loop may take to collect its last replies. */
    static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(10);

    private final LongSupplier nanoTime;

    LoadRun(LongSupplier nanoTime) {
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
    }

    LoadResult measure(LoadOptions options, ClosedLoop loop, LatencyRecorder recorder) throws InterruptedException {
        loop.start();
        Thread.sleep(options.warmup().toMillis());
        recorder.takeInterval();
        long windowStart = nanoTime.getAsLong();
        Thread.sleep(options.duration().toMillis());
        LatencyRecorder.Interval window = recorder.takeInterval();
        long windowEnd = nanoTime.getAsLong();
        if (!loop.stop(DRAIN_TIMEOUT)) {
            throw new IllegalStateException("requests still outstanding " + DRAIN_TIMEOUT + " after the window closed: sent "
                    + loop.sent() + ", completed " + loop.completed());
        }
        return LoadResult.of(options.target(), options.inFlight(), window, Duration.ofNanos(windowEnd - windowStart));
    }
}
