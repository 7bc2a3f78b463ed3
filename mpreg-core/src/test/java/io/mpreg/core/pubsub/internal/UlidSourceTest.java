package io.mpreg.core.pubsub.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

import com.github.f4b6a3.ulid.Ulid;
import org.junit.jupiter.api.Test;

class UlidSourceTest {

    private final AtomicLong clock = new AtomicLong(1_700_000_000_123L);
    private final SplittableRandom random = new SplittableRandom(7);

    @Test
    void idsAreValidUlidsOfTheClocksTimeAndRandomPart() {
        long[] draws = {0x1234L, 0x0123456789ABCDEFL};
        int[] next = {0};
        UlidSource ids = new UlidSource(() -> draws[next[0]++ % 2]);

        Ulid ulid = Ulid.from(ids.apply(clock.get()));

        assertThat(ulid.getTime()).isEqualTo(clock.get());
        assertThat(ulid.getMostSignificantBits() & 0xFFFF).isEqualTo(0x1234L);
        assertThat(ulid.getLeastSignificantBits()).isEqualTo(0x0123456789ABCDEFL);
    }

    @Test
    void idsWithinAMillisecondCountUpByOneCarryingAcrossDigits() {
        long[] draws = {0L, 31L};
        int[] next = {0};
        UlidSource ids = new UlidSource(() -> draws[next[0]++ % 2]);

        Ulid first = Ulid.from(ids.apply(clock.get()));
        Ulid second = Ulid.from(ids.apply(clock.get()));

        assertThat(first.getLeastSignificantBits()).isEqualTo(31L);
        assertThat(second.getLeastSignificantBits()).isEqualTo(32L);
        assertThat(second.toString()).isGreaterThan(first.toString()).endsWith("10");
    }

    @Test
    void idsOnlyEverIncreaseAsTimePassesStandsStillOrGoesBack() {
        UlidSource ids = new UlidSource(random::nextLong);
        List<String> made = new ArrayList<>();

        for (long step : new long[] {0, 0, 5, 0, -3, 0, 1, 10}) {
            clock.addAndGet(step);
            made.add(ids.apply(clock.get()));
        }

        assertThat(made).isSorted().doesNotHaveDuplicates();
        assertThat(made).allSatisfy(id -> assertThat(Ulid.isValid(id)).isTrue());
    }
}
