package io.mpreg.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class ReceiveCounterTest {

    @Test
    void waiterWakesWhenTheCountItWaitsForIsReached() throws Exception {
        ReceiveCounter counter = new ReceiveCounter();
        CompletableFuture<Long> waited = CompletableFuture.supplyAsync(() -> {
            counter.awaitAtLeast(1_000, Duration.ofSeconds(30).toNanos());
            return counter.get();
        });

        for (int i = 0; i < 1_000; i++) {
            counter.increment();
        }

        assertThat(waited.get(10, TimeUnit.SECONDS)).isGreaterThanOrEqualTo(1_000);
    }

    @Test
    void waitEndsAfterTheLongestWaitWhenNothingArrives() {
        ReceiveCounter counter = new ReceiveCounter();

        counter.awaitAtLeast(1, Duration.ofMillis(20).toNanos());

        assertThat(counter.get()).isZero();
    }
}
