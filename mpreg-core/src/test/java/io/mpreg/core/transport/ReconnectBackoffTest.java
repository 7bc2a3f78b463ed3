package io.mpreg.core.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Random;

import org.junit.jupiter.api.Test;

class ReconnectBackoffTest {

    @Test
    void delaysDoubleFromTheInitialUpToTheMaximumWithoutJitter() {
        ReconnectBackoff backoff = new ReconnectBackoff(Duration.ofMillis(100), Duration.ofMillis(500), 0);
        Random random = new Random(1);

        assertThat(backoff.delayAfter(1, random)).isEqualTo(Duration.ofMillis(100));
        assertThat(backoff.delayAfter(2, random)).isEqualTo(Duration.ofMillis(200));
        assertThat(backoff.delayAfter(3, random)).isEqualTo(Duration.ofMillis(400));
        assertThat(backoff.delayAfter(4, random)).isEqualTo(Duration.ofMillis(500));
        assertThat(backoff.delayAfter(1_000, random)).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void jitterVariesEachDelayWithinItsFraction() {
        ReconnectBackoff backoff = new ReconnectBackoff(Duration.ofMillis(1000), Duration.ofMillis(1000), 0.2);
        Random random = new Random(42);

        for (int i = 0; i < 200; i++) {
            assertThat(backoff.delayAfter(1, random)).isBetween(Duration.ofMillis(800), Duration.ofMillis(1200));
        }
    }

    @Test
    void sameSeedGivesTheSameDelays() {
        ReconnectBackoff backoff = ReconnectBackoff.DEFAULT;

        assertThat(backoff.delayAfter(3, new Random(7))).isEqualTo(backoff.delayAfter(3, new Random(7)));
    }

    @Test
    void jitterOutsideZeroToOneIsRejected() {
        assertThatThrownBy(() -> new ReconnectBackoff(Duration.ofMillis(1), Duration.ofMillis(2), 1.5))
                .hasMessageContaining("jitter");
    }
}
