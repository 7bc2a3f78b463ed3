package io.mpreg.benchmarks.load;

import java.time.Duration;
import java.util.Locale;

import org.HdrHistogram.Histogram;

/**
 * The outcome of one measured window.
 *
 * @param target    the system driven
 * @param inFlight  the requests kept outstanding
 * @param requests  the successful requests completed in the window
 * @param errors    the failed requests in the window
 * @param window    the window's length as measured
 * @param p50Micros the median round trip
 * @param p99Micros the 99th percentile round trip
 * @param p999Micros the 99.9th percentile round trip
 */
public record LoadResult(
        LoadTarget target, int inFlight, long requests, long errors, Duration window,
        double p50Micros, double p99Micros, double p999Micros) {

    static LoadResult of(LoadTarget target, int inFlight, LatencyRecorder.Interval interval, Duration window) {
        Histogram latencies = interval.latenciesNanos();
        return new LoadResult(target, inFlight, interval.successes(), interval.errors(), window,
                micros(latencies, 50.0), micros(latencies, 99.0), micros(latencies, 99.9));
    }

    /** Successful requests per second of the window. */
    public double requestsPerSecond() {
        return requests / (window.toNanos() / 1e9);
    }

    /**
     * One machine-readable line: {@code RESULT} then {@code key=value} pairs separated
     * by spaces, in a fixed order (run-load.sh reads them by name).
     */
    public String toLine() {
        return String.format(Locale.ROOT,
                "RESULT target=%s in_flight=%d requests_per_s=%.0f p50_us=%.1f p99_us=%.1f p999_us=%.1f"
                        + " requests=%d errors=%d window_s=%.3f",
                target.label(), inFlight, requestsPerSecond(), p50Micros, p99Micros, p999Micros,
                requests, errors, window.toNanos() / 1e9);
    }

    private static double micros(Histogram latenciesNanos, double percentile) {
        return latenciesNanos.getValueAtPercentile(percentile) / 1_000.0;
    }
}
