package io.mpreg.benchmarks.load;

import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/**
 * Pub/sub throughput: one publisher, one or more subscribers (each on its own
 * connection), over MPREG's WebSocket protocol or NATS core pub/sub, on one
 * topic with payloads of about {@code --payload-bytes}. The publisher runs as
 * fast as it can but never more than {@code --window} messages ahead of the
 * slowest subscriber, so nothing is dropped and queues stay bounded. Prints
 * one line: {@code RESULT kind=pubsub target=... subscribers=... delivered_per_s=... published_per_s=...}.
 *
 * <pre>
 * java -cp "mpreg-benchmarks/target/classes:$(cat mpreg-benchmarks/target/classpath.txt)" \
 *     io.mpreg.benchmarks.load.PubSubLoadGenerator --target mpreg --url ws://127.0.0.1:9001/mpreg \
 *     --subscribers 10 --duration 20s --warmup 5s --payload-bytes 100 --window 10000
 * </pre>
 *
 * With more than one subscriber they subscribe with a wildcard ({@code bench.*}),
 * with one to the topic itself. Exits with 1 when no message was delivered, 2 on bad arguments.
 */
public final class PubSubLoadGenerator {

    private static final String USAGE = "usage: PubSubLoadGenerator --target mpreg|nats --url <url> [--subscribers 1]"
            + " [--duration 20s] [--warmup 5s] [--payload-bytes 100] [--window 10000]";
    private static final int BURST = 256;

    private final LongSupplier nanoTime;

    PubSubLoadGenerator(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    /** What one run measured. */
    record Result(String target, int subscribers, double deliveredPerSecond, double publishedPerSecond) {
        String toLine() {
            return String.format(Locale.ROOT, "RESULT kind=pubsub target=%s subscribers=%d delivered_per_s=%.0f "
                    + "published_per_s=%.0f", target, subscribers, deliveredPerSecond, publishedPerSecond);
        }
    }

    /** Publishes through the warm-up and the measured window, then counts what the subscribers received in it. */
    Result run(String target, PubSubFanout fanout, Duration warmup, Duration duration, int payloadBytes, long window) {
        String payload = "x".repeat(payloadBytes);
        long start = nanoTime.getAsLong();
        long windowOpens = start + warmup.toNanos();
        long windowCloses = windowOpens + duration.toNanos();
        long published = 0;
        long publishedAtOpen = -1;
        long deliveredAtOpen = 0;
        long openedAt = 0;
        while (true) {
            long now = nanoTime.getAsLong();
            if (publishedAtOpen < 0 && now >= windowOpens) {
                publishedAtOpen = published;
                deliveredAtOpen = delivered(fanout);
                openedAt = now;
            }
            if (now >= windowCloses) {
                double seconds = (now - openedAt) / 1e9;
                return new Result(target, fanout.subscribers(), (delivered(fanout) - deliveredAtOpen) / seconds,
                        (published - publishedAtOpen) / seconds);
            }
            long allowance = Math.min(BURST, window - (published - slowest(fanout)));
            if (allowance <= 0) {
                LockSupport.parkNanos(20_000);
                continue;
            }
            for (long i = 0; i < allowance; i++) {
                fanout.publish(payload);
            }
            published += allowance;
        }
    }

    private static long slowest(PubSubFanout fanout) {
        long slowest = Long.MAX_VALUE;
        for (int i = 0; i < fanout.subscribers(); i++) {
            slowest = Math.min(slowest, fanout.received(i));
        }
        return slowest;
    }

    private static long delivered(PubSubFanout fanout) {
        long total = 0;
        for (int i = 0; i < fanout.subscribers(); i++) {
            total += fanout.received(i);
        }
        return total;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>(Map.of("--subscribers", "1", "--duration", "20s",
                "--warmup", "5s", "--payload-bytes", "100", "--window", "10000"));
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        if (args.length % 2 != 0 || !options.containsKey("--target") || !options.containsKey("--url")) {
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        String target = options.get("--target");
        String url = options.get("--url");
        int subscribers = Integer.parseInt(options.get("--subscribers"));
        String pattern = subscribers == 1 ? PubSubFanout.TOPIC : "bench.*";
        PubSubFanout fanout = switch (target) {
            case "mpreg" -> MpregPubSubFanout.connect(url, subscribers, pattern);
            case "nats" -> NatsPubSubFanout.connect(url, subscribers, pattern);
            default -> {
                System.err.println(USAGE);
                System.exit(2);
                throw new IllegalArgumentException(target);
            }
        };
        Result result;
        try (fanout) {
            result = new PubSubLoadGenerator(System::nanoTime).run(target, fanout, LoadOptions.parseDuration("--warmup", options.get("--warmup")),
                    LoadOptions.parseDuration("--duration", options.get("--duration")), Integer.parseInt(options.get("--payload-bytes")),
                    Long.parseLong(options.get("--window")));
        }
        System.out.println(result.toLine());
        System.exit(result.deliveredPerSecond() > 0 ? 0 : 1);
    }
}
