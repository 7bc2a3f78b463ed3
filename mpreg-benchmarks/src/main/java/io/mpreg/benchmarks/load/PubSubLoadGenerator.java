package io.mpreg.benchmarks.load;

import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Pub/sub throughput: one publisher, one or more subscribers (each on its own
 * connection), over MPREG's WebSocket protocol or NATS core pub/sub, on one
 * topic with payloads of about {@code --payload-bytes}. The publisher runs as
 * fast as it can but never more than {@code --window} messages ahead of the
 * slowest subscriber, so nothing is dropped and queues stay bounded. Prints
 * one line: {@code RESULT kind=pubsub target=... subscribers=... delivered_per_s=... published_per_s=...
 * server_cpu_us_per_msg=... client_cpu_us_per_msg=...}: the CPU time the server process (given by
 * {@code --server-pid}) and this process spent per delivered message in the measured window, {@code -} when
 * unknown.
 *
 * <pre>
 * java -cp "mpreg-benchmarks/target/classes:$(cat mpreg-benchmarks/target/classpath.txt)" \
 *     io.mpreg.benchmarks.load.PubSubLoadGenerator --target mpreg --url ws://127.0.0.1:9001/mpreg \
 *     --subscribers 10 --duration 20s --warmup 5s --payload-bytes 100 --window 10000 --server-pid 4242
 * </pre>
 *
 * With more than one subscriber they subscribe with a wildcard ({@code bench.*}),
 * with one to the topic itself. Exits with 1 when no message was delivered, 2 on bad arguments.
 */
public final class PubSubLoadGenerator {

    private static final String USAGE = "usage: PubSubLoadGenerator --target mpreg|nats --url <url> [--subscribers 1]"
            + " [--duration 20s] [--warmup 5s] [--payload-bytes 100] [--window 10000] [--server-pid <pid>]";
    private static final int BURST = 256;
    // A wait for the subscribers is cut short this often, to notice the end of the run.
    private static final long MAX_WAIT_NANOS = 1_000_000;

    private final LongSupplier nanoTime;
    private final LongSupplier serverCpuNanos;
    private final LongSupplier clientCpuNanos;

    /** A generator reading time from {@code nanoTime} and the CPU time of the server and of the client. */
    PubSubLoadGenerator(LongSupplier nanoTime, LongSupplier serverCpuNanos, LongSupplier clientCpuNanos) {
        this.nanoTime = nanoTime;
        this.serverCpuNanos = serverCpuNanos;
        this.clientCpuNanos = clientCpuNanos;
    }

    /**
     * What one run measured. The CPU figures are microseconds per delivered message,
     * {@link Double#NaN} when the process's CPU time could not be read.
     */
    record Result(String target, int subscribers, double deliveredPerSecond, double publishedPerSecond,
                  double serverCpuMicrosPerMessage, double clientCpuMicrosPerMessage) {
        String toLine() {
            return String.format(Locale.ROOT, "RESULT kind=pubsub target=%s subscribers=%d delivered_per_s=%.0f "
                    + "published_per_s=%.0f server_cpu_us_per_msg=%s client_cpu_us_per_msg=%s", target, subscribers,
                    deliveredPerSecond, publishedPerSecond, micros(serverCpuMicrosPerMessage),
                    micros(clientCpuMicrosPerMessage));
        }

        private static String micros(double value) {
            return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.3f", value);
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
        long serverCpuAtOpen = ProcessCpu.UNKNOWN;
        long clientCpuAtOpen = ProcessCpu.UNKNOWN;
        while (true) {
            long now = nanoTime.getAsLong();
            if (publishedAtOpen < 0 && now >= windowOpens) {
                publishedAtOpen = published;
                deliveredAtOpen = delivered(fanout);
                serverCpuAtOpen = serverCpuNanos.getAsLong();
                clientCpuAtOpen = clientCpuNanos.getAsLong();
                openedAt = now;
            }
            if (now >= windowCloses) {
                double seconds = (now - openedAt) / 1e9;
                long delivered = delivered(fanout) - deliveredAtOpen;
                return new Result(target, fanout.subscribers(), delivered / seconds,
                        (published - publishedAtOpen) / seconds,
                        microsPerMessage(serverCpuAtOpen, serverCpuNanos.getAsLong(), delivered),
                        microsPerMessage(clientCpuAtOpen, clientCpuNanos.getAsLong(), delivered));
            }
            int slowest = slowest(fanout);
            long allowance = Math.min(BURST, window - (published - fanout.received(slowest)));
            if (allowance <= 0) {
                // Sleep until the slowest is half a window behind, so the publisher wakes once per half window.
                fanout.awaitReceived(slowest, published - window / 2, MAX_WAIT_NANOS);
                continue;
            }
            for (long i = 0; i < allowance; i++) {
                fanout.publish(payload);
            }
            published += allowance;
        }
    }

    private static double microsPerMessage(long cpuAtOpen, long cpuAtClose, long delivered) {
        if (cpuAtOpen == ProcessCpu.UNKNOWN || cpuAtClose == ProcessCpu.UNKNOWN || delivered == 0) {
            return Double.NaN;
        }
        return (cpuAtClose - cpuAtOpen) / 1e3 / delivered;
    }

    private static int slowest(PubSubFanout fanout) {
        int slowest = 0;
        for (int i = 1; i < fanout.subscribers(); i++) {
            if (fanout.received(i) < fanout.received(slowest)) {
                slowest = i;
            }
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
            String serverPid = options.get("--server-pid");
            LongSupplier serverCpu = serverPid == null ? ProcessCpu.none() : ProcessCpu.ofPid(Long.parseLong(serverPid));
            result = new PubSubLoadGenerator(System::nanoTime, serverCpu, ProcessCpu.self()).run(target, fanout,
                    LoadOptions.parseDuration("--warmup", options.get("--warmup")),
                    LoadOptions.parseDuration("--duration", options.get("--duration")),
                    Integer.parseInt(options.get("--payload-bytes")), Long.parseLong(options.get("--window")));
        }
        System.out.println(result.toLine());
        System.exit(result.deliveredPerSecond() > 0 ? 0 : 1);
    }
}
