package io.mpreg.benchmarks.pubsub;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.mpreg.core.pubsub.PubSubConfig;
import io.mpreg.core.pubsub.PubSubExchange;
import io.mpreg.core.pubsub.PubSubWire;
import io.mpreg.core.pubsub.SubscriptionRequest;
import io.mpreg.core.pubsub.TopicPattern;
import io.mpreg.core.transport.ConnectionInfo;
import io.mpreg.core.transport.ReadBatch;
import io.mpreg.core.transport.Utf8Text;
import io.mpreg.core.wire.WireCodec;
import io.mpreg.core.wire.WireMessage;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A node's own work per published message, without the network: decode the
 * publish frame, match, queue, render each subscriber's notification frame,
 * and encode the ack, and copy the frames' bytes out, on one thread, as a network event loop does for one
 * socket read of 16 publishes. The load generator measures the same path
 * end to end; this isolates the node's share from the transport's.
 *
 * <p>Run: {@code ./mvnw -q -pl mpreg-benchmarks -am package -DskipTests &&
 * java -jar mpreg-benchmarks/target/benchmarks.jar PublishPathBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(2)
public class PublishPathBenchmark {

    /** Publishes per simulated socket read: notifications leave once per read. */
    static final int READ = 16;
    // Frames the connection's writer pulls from a source at a time.
    private static final int PULL_AT_MOST = 64;
    // The load generator's frame: a 100-character payload, no timestamp (the node stamps it).
    static final String FRAME = "{\"role\":\"pubsub-publish\",\"u\":\"p1234567\",\"message\":{\"topic\":\"bench.fanout\","
            + "\"payload\":\"" + "x".repeat(100) + "\"}}";
    private static final byte[] FRAME_UTF8 = FRAME.getBytes(StandardCharsets.UTF_8);

    @Param({"1", "10"})
    int subscribers;

    private WireCodec codec;
    private PubSubExchange exchange;
    private final ByteBuf socketBuffer = Unpooled.directBuffer(1 << 20);

    @Setup
    public void setUp() {
        codec = PubSubWire.register(WireCodec.rpc(WireCodec.defaultMapper()));
        exchange = PubSubExchange.create(PubSubConfig.defaults(), Clock.systemUTC(), codec.mapper());
        for (int i = 0; i < subscribers; i++) {
            ConnectionInfo connection = new ConnectionInfo("sub-" + i, "bench");
            // Pulled at the end of each read, as the connection's writer pulls them.
            exchange.pushTo(connection, source -> () -> {
                while (source.pull(this::send, PULL_AT_MOST)) {
                    // until the source has handed out everything queued
                }
            });
            exchange.subscribe(connection.id(), new SubscriptionRequest("s" + i,
                    List.of(TopicPattern.of(subscribers == 1 ? "bench.fanout" : "bench.*")), "bench", false, null));
        }
    }

    // Copies the frame's bytes where the socket's buffer would be, as the node's writer does.
    private void send(CharSequence frame) {
        if (socketBuffer.writableBytes() < 64 * 1024) {
            socketBuffer.clear();
        }
        Utf8Text.of(frame).writeUtf8(socketBuffer::writeBytes);
    }

    // The frame as the server's WebSocket decoder hands it over: its bytes, copied once out of the socket's buffer.
    private static Utf8Text received() {
        return Utf8Text.ofUtf8(Arrays.copyOf(FRAME_UTF8, FRAME_UTF8.length));
    }

    /** Only the decoding of one publish frame, the part of the path that reads the frame's text. */
    @Benchmark
    public WireMessage decodePublish() {
        return codec.decode(received());
    }

    /** One socket read's worth of publishes, reported per publish. */
    @Benchmark
    @OperationsPerInvocation(READ)
    public void readOfPublishes() {
        ReadBatch.open();
        try {
            for (int i = 0; i < READ; i++) {
                send(codec.encodeFrame(exchange.answer(codec.decode(received()), "publisher")));
            }
        } finally {
            ReadBatch.close();
        }
    }
}
