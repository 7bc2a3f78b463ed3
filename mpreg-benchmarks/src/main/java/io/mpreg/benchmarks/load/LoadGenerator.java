package io.mpreg.benchmarks.load;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Drives {@code echo} over MPREG's WebSocket protocol, or the same exchange over
 * NATS request-reply or bare TCP, with a fixed number of requests in flight, and prints one
 * {@link LoadResult#toLine() RESULT line}.
 *
 * <pre>
 * java -cp "mpreg-benchmarks/target/classes:$(cat mpreg-benchmarks/target/classpath.txt)" \
 *     io.mpreg.benchmarks.load.LoadGenerator --target mpreg --url ws://127.0.0.1:9001/mpreg \
 *     --in-flight 64 --duration 20s --warmup 5s --payload-bytes 16
 * </pre>
 *
 * Exits with 1 when any request failed, 2 on bad arguments.
 */
public final class LoadGenerator {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private final LongSupplier nanoTime;

    /** A generator timing requests with the given nanosecond clock. */
    public LoadGenerator(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    /** Connects, runs the warm-up and the measured window, and closes the connection. */
    public LoadResult run(LoadOptions options) throws Exception {
        LatencyRecorder recorder = new LatencyRecorder();
        String payload = EchoRequestFrames.payloadOf(options.payloadBytes());
        try (ClosedLoop loop = open(options, payload, recorder)) {
            return new LoadRun(nanoTime).measure(options, loop, recorder);
        }
    }

    private ClosedLoop open(LoadOptions options, String payload, LatencyRecorder recorder) throws Exception {
        switch (options.target()) {
            case MPREG:
                return MpregEchoLoop.connect(options.url(), options.inFlight(), payload, recorder, nanoTime,
                        CONNECT_TIMEOUT);
            case NATS:
                return NatsEchoLoop.connect(options.url().toString(), options.inFlight(),
                        payload.getBytes(StandardCharsets.UTF_8), recorder, nanoTime);
            case TCP:
                return TcpEchoLoop.connect(new InetSocketAddress(options.url().getHost(), options.url().getPort()),
                        options.inFlight(), payload.getBytes(StandardCharsets.UTF_8), recorder, nanoTime);
            default:
                throw new IllegalArgumentException("no load loop for " + options.target());
        }
    }

    public static void main(String[] args) throws Exception {
        LoadOptions options;
        try {
            options = LoadOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(LoadOptions.USAGE);
            System.exit(2);
            return;
        }
        LoadResult result = new LoadGenerator(System::nanoTime).run(options);
        System.out.println(result.toLine());
        System.exit(result.errors() == 0 && result.requests() > 0 ? 0 : 1);
    }
}
