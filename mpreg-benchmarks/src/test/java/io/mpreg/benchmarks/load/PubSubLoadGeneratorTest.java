package io.mpreg.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

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

        new PubSubLoadGenerator(System::nanoTime).run("memory", fanout, Duration.ZERO, Duration.ofMillis(200), 100, 500);

        assertThat(fanout.published).isEqualTo(500);
        assertThat(fanout.received(0)).isEqualTo(500);
    }

    @Test
    void deliveriesAreSummedOverTheSubscribers() {
        InMemoryFanout fanout = new InMemoryFanout(false, false, false);

        PubSubLoadGenerator.Result result = new PubSubLoadGenerator(System::nanoTime)
                .run("memory", fanout, Duration.ofMillis(50), Duration.ofMillis(200), 100, 10_000);

        assertThat(result.subscribers()).isEqualTo(3);
        assertThat(result.deliveredPerSecond()).isCloseTo(3 * result.publishedPerSecond(),
                Percentage.withPercentage(1));
        assertThat(result.toLine()).startsWith("RESULT kind=pubsub target=memory subscribers=3 delivered_per_s=");
    }
}
