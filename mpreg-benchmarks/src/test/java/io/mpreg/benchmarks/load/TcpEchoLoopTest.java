package io.mpreg.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TcpEchoLoopTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @ParameterizedTest
    @ValueSource(ints = {1, 64})
    void everyEchoedMessageIsCountedOnceAndTheLoopDrains(int inFlight) throws Exception {
        LatencyRecorder recorder = new LatencyRecorder();
        byte[] message = EchoRequestFrames.payloadOf(16).getBytes(StandardCharsets.UTF_8);
        try (TcpEchoServer server = TcpEchoServer.start(0);
             TcpEchoLoop loop = TcpEchoLoop.connect(new InetSocketAddress("127.0.0.1", server.port()), inFlight,
                     message, recorder, System::nanoTime)) {
            loop.start();
            await().atMost(TIMEOUT).until(() -> loop.completed() >= 1_000);
            assertThat(loop.stop(TIMEOUT)).isTrue();

            LatencyRecorder.Interval all = recorder.takeInterval();
            assertThat(all.errors()).isZero();
            assertThat(all.successes()).isEqualTo(loop.completed()).isEqualTo(loop.sent());
        }
    }
}
