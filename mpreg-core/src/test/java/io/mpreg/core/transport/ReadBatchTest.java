package io.mpreg.core.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ReadBatchTest {

    private final List<String> ran = new ArrayList<>();

    @AfterEach
    void closeAnyBatchLeftOpen() {
        ReadBatch.close();
        ReadBatch.close();
    }

    /** A clock that moves a millisecond on at every reading. */
    private static final class TickingClock extends Clock {
        private long millis = 1_000;

        @Override
        public long millis() {
            return millis++;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis());
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }

    @Test
    void outsideABatchTheClockIsReadAtEveryCall() {
        Clock clock = new TickingClock();

        assertThat(List.of(ReadBatch.millis(clock), ReadBatch.millis(clock))).containsExactly(1_000L, 1_001L);
    }

    @Test
    void insideABatchEachClockIsReadOnceAndReadAgainInTheNextBatch() {
        Clock clock = new TickingClock();
        Clock other = new TickingClock();
        ReadBatch.open();
        ReadBatch.open();

        assertThat(List.of(ReadBatch.millis(clock), ReadBatch.millis(clock))).containsExactly(1_000L, 1_000L);
        ReadBatch.close();
        assertThat(ReadBatch.millis(clock)).isEqualTo(1_000L);
        assertThat(ReadBatch.millis(other)).isEqualTo(1_000L);
        ReadBatch.close();
        ReadBatch.open();
        assertThat(ReadBatch.millis(clock)).isEqualTo(1_001L);
    }

    @Test
    void outsideABatchWorkRunsAtOnce() {
        ReadBatch.atEnd(() -> ran.add("now"));

        assertThat(ran).containsExactly("now");
    }

    @Test
    void insideABatchWorkWaitsForItsEndAndRunsOncePerAction() {
        Runnable wake = () -> ran.add("wake");
        ReadBatch.open();

        ReadBatch.atEnd(wake);
        ReadBatch.atEnd(wake);
        ReadBatch.atEnd(() -> ran.add("other"));
        assertThat(ran).isEmpty();

        ReadBatch.close();
        assertThat(ran).containsExactlyInAnyOrder("wake", "other");
    }

    @Test
    void nestedBatchesRunTheWorkWhenTheOutermostCloses() {
        ReadBatch.open();
        ReadBatch.open();
        ReadBatch.atEnd(() -> ran.add("work"));

        ReadBatch.close();
        assertThat(ran).isEmpty();
        ReadBatch.close();
        assertThat(ran).containsExactly("work");
    }

    @Test
    void aFailingActionDoesNotKeepTheOthersFromRunning() {
        ReadBatch.open();
        ReadBatch.atEnd(() -> {
            throw new IllegalStateException("broken");
        });
        ReadBatch.atEnd(() -> ran.add("still runs"));

        ReadBatch.close();

        assertThat(ran).containsExactly("still runs");
    }

    @Test
    void batchesBelongToTheirThread() throws InterruptedException {
        ReadBatch.open();
        Thread other = new Thread(() -> ReadBatch.atEnd(() -> ran.add("other thread")));
        other.start();
        other.join(10_000);

        assertThat(ran).containsExactly("other thread");
        ReadBatch.close();
    }
}
