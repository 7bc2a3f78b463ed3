package io.mpreg.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.Test;

class PubSubLoadGeneratorTest {

    /** An in-memory fan-out: subscribers that keep up receive every message at once, a stalled one nothing. */
    private static final class InMemoryFanout implements PubSubFanout {
        final long[] received;
        final boolean[] stalled;
        long published;

        InMemoryFanout(boolean... stalled) {
            this.stalled = stalled;
            this.received = new long[stalled.length];
        }

        @Override
        public void publish(String payload) {
            published++;
            for (int i = 0; i < received.length; i++) {
                if (!stalled[i]) {
                    received[i]++;
                }
            }
        }

        @Override
        public long received(int subscriber) {
            return received[subscriber];
        }

        @Override
        public void awaitReceived(int subscriber, long count, long maxWaitNanos) {
            if (received[subscriber] < count) {
                LockSupport.parkNanos(maxWaitNanos);
            }
        }

        @Override
        public int subscribers() {
            return received.length;
        }

        @Override
        public void close() {
        }
    }

    @Test
    void thePublisherNeverRunsMoreThanTheWindowAheadOfTheSlowestSubscriber() {
        InMemoryFanout fanout = new InMemoryFanout(false, true);

        new PubSubLoadGenerator(System::nanoTime, ProcessCpu.none(), ProcessCpu.none()).run("memory", fanout, Duration.ZERO, Duration.ofMillis(200), 100, 500);

        assertThat(fanout.published).isEqualTo(500);
        assertThat(fanout.received(0)).isEqualTo(500);
    }

    @Test
    void deliveriesAreSummedOverTheSubscribers() {
        InMemoryFanout fanout = new InMemoryFanout(false, false, false);

        PubSubLoadGenerator.Result result = new PubSubLoadGenerator(System::nanoTime, ProcessCpu.none(), ProcessCpu.none())
                .run("memory", fanout, Duration.ofMillis(50), Duration.ofMillis(200), 100, 10_000);

        assertThat(result.subscribers()).isEqualTo(3);
        assertThat(result.deliveredPerSecond()).isCloseTo(3 * result.publishedPerSecond(),
                Percentage.withPercentage(1));
        assertThat(result.toLine()).startsWith("RESULT kind=pubsub target=memory subscribers=3 delivered_per_s=");
    }

    @Test
    void cpuTimeIsReportedPerDeliveredMessageForTheServerAndTheClient() {
        InMemoryFanout fanout = new InMemoryFanout(false, false);
        // The server spends 3 us and the client 1 us of CPU per delivered message.
        PubSubLoadGenerator generator = new PubSubLoadGenerator(System::nanoTime,
                () -> 3_000L * (fanout.received(0) + fanout.received(1)),
                () -> 1_000L * (fanout.received(0) + fanout.received(1)));

        PubSubLoadGenerator.Result result = generator.run("memory", fanout, Duration.ofMillis(20), Duration.ofMillis(100),
                100, 10_000);

        assertThat(result.serverCpuMicrosPerMessage()).isEqualTo(3.0);
        assertThat(result.clientCpuMicrosPerMessage()).isEqualTo(1.0);
        assertThat(result.toLine()).contains("server_cpu_us_per_msg=3.000 client_cpu_us_per_msg=1.000");
    }

    @Test
    void cpuTimeThatCannotBeReadIsReportedAsUnknown() {
        PubSubLoadGenerator.Result result = new PubSubLoadGenerator(System::nanoTime, ProcessCpu.none(),
                ProcessCpu.none()).run("memory", new InMemoryFanout(false), Duration.ZERO, Duration.ofMillis(50), 100, 1_000);

        assertThat(result.serverCpuMicrosPerMessage()).isNaN();
        assertThat(result.toLine()).endsWith("server_cpu_us_per_msg=- client_cpu_us_per_msg=-");
    }

    @Test
    void theCpuTimeOfARunningProcessGrowsAndThatOfAnUnknownOneIsUnknown() {
        long before = ProcessCpu.self().getAsLong();
        long spin = 0;
        for (int i = 0; i < 50_000_000; i++) {
            spin += i ^ spin;
        }
        assertThat(spin).isNotZero();
        assertThat(ProcessCpu.ofPid(ProcessHandle.current().pid()).getAsLong()).isGreaterThan(before);
        assertThat(ProcessCpu.ofPid(Long.MAX_VALUE).getAsLong()).isEqualTo(ProcessCpu.UNKNOWN);
    }
}
