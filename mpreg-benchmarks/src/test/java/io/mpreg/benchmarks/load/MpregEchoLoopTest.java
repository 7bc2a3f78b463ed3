package io.mpreg.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MpregEchoLoopTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @ParameterizedTest
    @ValueSource(ints = {1, 64})
    void keepsExactlyTheConfiguredNumberOfRequestsInFlight(int inFlight) throws Exception {
        LatencyRecorder recorder = new LatencyRecorder();
        try (RpcEchoTestServer server = new RpcEchoTestServer(inFlight, 0);
             MpregEchoLoop loop = MpregEchoLoop.connect(server.url(), inFlight, "hello", recorder, System::nanoTime,
                     TIMEOUT)) {
            loop.start();
            // The server answers only when `inFlight` requests are pending: progress proves
            // the loop refills every slot, the peak proves it never sends more.
            await().atMost(TIMEOUT).until(() -> server.answered() >= 20L * inFlight);
            assertThat(loop.stop(TIMEOUT)).isTrue();

            assertThat(server.peakPending()).isEqualTo(inFlight);
            assertThat(loop.sent()).isEqualTo(server.received()).isEqualTo(server.answered())
                    .isEqualTo(loop.completed());
        }
    }

    @Test
    void countsEveryReplyOnceAndFailedRepliesAsErrors() throws Exception {
        LatencyRecorder recorder = new LatencyRecorder();
        try (RpcEchoTestServer server = new RpcEchoTestServer(1, 3);
             MpregEchoLoop loop = MpregEchoLoop.connect(server.url(), 8, "hello", recorder, System::nanoTime,
                     TIMEOUT)) {
            loop.start();
            await().atMost(TIMEOUT).until(() -> server.answered() >= 300);
            assertThat(loop.stop(TIMEOUT)).isTrue();

            LatencyRecorder.Interval all = recorder.takeInterval();
            assertThat(all.errors()).isEqualTo(server.failed()).isPositive();
            assertThat(all.successes() + all.errors()).isEqualTo(server.answered());
        }
    }

    @Test
    void aRunReportsTheRequestsOfItsWindowWithTheirPercentiles() throws Exception {
        try (RpcEchoTestServer server = new RpcEchoTestServer(1, 0)) {
            LoadOptions options = LoadOptions.parse("--target", "mpreg", "--url", server.url().toString(),
                    "--in-flight", "4", "--duration", "300ms", "--warmup", "100ms", "--payload-bytes", "32");

            LoadResult result = new LoadGenerator(System::nanoTime).run(options);

            assertThat(result.requests()).isPositive().isLessThan(server.answered());
            assertThat(result.errors()).isZero();
            assertThat(result.window()).isGreaterThanOrEqualTo(Duration.ofMillis(300));
            assertThat(result.p50Micros()).isPositive().isLessThanOrEqualTo(result.p99Micros());
            assertThat(result.p99Micros()).isLessThanOrEqualTo(result.p999Micros());
            assertThat(result.toLine()).startsWith("RESULT target=mpreg in_flight=4 requests_per_s=");
        }
    }
}
