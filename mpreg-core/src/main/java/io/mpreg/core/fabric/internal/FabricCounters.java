package io.mpreg.core.fabric.internal;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

import io.mpreg.core.fabric.ClusterStats;

/**
 * Counters of membership traffic and probe round trips. Round trips go into
 * power-of-two microsecond buckets (1 us to about 35 minutes), so recording
 * is one atomic increment and quantiles are bucket upper bounds.
 */
final class FabricCounters {

    private static final int BUCKETS = 32;

    private final LongAdder messagesSent = new LongAdder();
    private final LongAdder messagesReceived = new LongAdder();
    private final LongAdder bytesSent = new LongAdder();
    private final LongAdder bytesReceived = new LongAdder();
    private final AtomicLongArray rttBuckets = new AtomicLongArray(BUCKETS);

    void sent(int bytes) {
        messagesSent.increment();
        bytesSent.add(bytes);
    }

    void received(int bytes) {
        messagesReceived.increment();
        bytesReceived.add(bytes);
    }

    void roundTrip(long nanos) {
        long micros = Math.max(1, nanos / 1000);
        int bucket = Math.min(BUCKETS - 1, 64 - Long.numberOfLeadingZeros(micros - 1));
        rttBuckets.incrementAndGet(bucket);
    }

    long messagesSent() {
        return messagesSent.sum();
    }

    long messagesReceived() {
        return messagesReceived.sum();
    }

    long bytesSent() {
        return bytesSent.sum();
    }

    long bytesReceived() {
        return bytesReceived.sum();
    }

    ClusterStats.Rtt rtt() {
        long[] counts = new long[BUCKETS];
        long total = 0;
        int highest = 0;
        for (int i = 0; i < BUCKETS; i++) {
            counts[i] = rttBuckets.get(i);
            total += counts[i];
            if (counts[i] > 0) {
                highest = i;
            }
        }
        return new ClusterStats.Rtt(total, quantile(counts, total, 0.50), quantile(counts, total, 0.99),
                total == 0 ? Duration.ZERO : upperBound(highest));
    }

    private static Duration quantile(long[] counts, long total, double q) {
        if (total == 0) {
            return Duration.ZERO;
        }
        long rank = (long) Math.ceil(q * total);
        long seen = 0;
        for (int i = 0; i < counts.length; i++) {
            seen += counts[i];
            if (seen >= rank) {
                return upperBound(i);
            }
        }
        return upperBound(counts.length - 1);
    }

    private static Duration upperBound(int bucket) {
        return Duration.ofNanos((1L << bucket) * 1000);
    }
}
