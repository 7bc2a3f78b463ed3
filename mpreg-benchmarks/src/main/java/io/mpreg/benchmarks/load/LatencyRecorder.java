package io.mpreg.benchmarks.load;

import java.util.concurrent.atomic.LongAdder;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Collects the round-trip time of each successful request and counts the
 * failed ones, from any thread and without locks, in intervals: each
 * {@link #takeInterval()} returns what was recorded since the previous one.
 */
final class LatencyRecorder {

    /** Three significant digits: 1 ns resolution below 1 µs, 0.1% error above. */
    private static final int SIGNIFICANT_DIGITS = 3;

    private final Recorder recorder = new Recorder(SIGNIFICANT_DIGITS);
    private final LongAdder errors = new LongAdder();

    void recordSuccess(long latencyNanos) {
        recorder.recordValue(Math.max(0, latencyNanos));
    }

    void recordError() {
        errors.increment();
    }

    /** What was recorded since the previous call (or since creation), and starts a new interval. */
    Interval takeInterval() {
        Histogram latencies = recorder.getIntervalHistogram();
        return new Interval(latencies, errors.sumThenReset());
    }

    /**
     * One interval's records.
     *
     * @param latenciesNanos the round-trip times of the successful requests
     * @param errors         how many requests failed
     */
    record Interval(Histogram latenciesNanos, long errors) {

        long successes() {
            return latenciesNanos.getTotalCount();
        }
    }
}
