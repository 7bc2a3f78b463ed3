package io.mpreg.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Runs against a real {@code nats-server} process; skipped where Debian's package is not installed. */
class NatsEchoLoopTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final File NATS_SERVER = new File("/usr/sbin/nats-server");

    private static Process natsServer;
    private static String url;

    @BeforeAll
    static void startNatsServer() throws IOException {
        assumeTrue(NATS_SERVER.canExecute(), "nats-server is not installed");
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        natsServer = new ProcessBuilder(NATS_SERVER.getPath(), "-a", "127.0.0.1", "-p", String.valueOf(port))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        url = "nats://127.0.0.1:" + port;
        await().atMost(TIMEOUT).ignoreExceptions().until(() -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 1_000);
                return true;
            }
        });
    }

    @AfterAll
    static void stopNatsServer() throws InterruptedException {
        if (natsServer != null) {
            natsServer.destroy();
            natsServer.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void everyRequestIsAnsweredAndCountedOnceWithTheConfiguredNumberInFlight() throws Exception {
        LatencyRecorder recorder = new LatencyRecorder();
        byte[] payload = "hello".getBytes(StandardCharsets.UTF_8);
        try (NatsEchoResponder responder = NatsEchoResponder.start(url);
             NatsEchoLoop loop = NatsEchoLoop.connect(url, 16, payload, recorder, System::nanoTime)) {
            loop.start();
            await().atMost(TIMEOUT).until(() -> loop.completed() >= 500);
            assertThat(loop.stop(TIMEOUT)).isTrue();

            LatencyRecorder.Interval all = recorder.takeInterval();
            assertThat(all.errors()).isZero();
            assertThat(all.successes()).isEqualTo(loop.completed()).isEqualTo(loop.sent());
        }
    }

    @Test
    void requestsNobodyAnswersAreErrors() throws Exception {
        LatencyRecorder recorder = new LatencyRecorder();
        try (NatsEchoLoop loop = NatsEchoLoop.connect(url, 2, new byte[] {1}, recorder, System::nanoTime)) {
            loop.start();
            await().atMost(TIMEOUT).until(() -> loop.completed() >= 10);
            assertThat(loop.stop(TIMEOUT)).isTrue();

            LatencyRecorder.Interval all = recorder.takeInterval();
            assertThat(all.successes()).isZero();
            assertThat(all.errors()).isEqualTo(loop.completed()).isEqualTo(loop.sent());
        }
    }
}
