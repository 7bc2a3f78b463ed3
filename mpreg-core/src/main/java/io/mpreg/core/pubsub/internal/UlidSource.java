package io.mpreg.core.pubsub.internal;

import java.util.Objects;
import java.util.function.LongFunction;
import java.util.function.LongSupplier;

/**
 * Monotonic ULIDs as text, made straight as text: within one millisecond the
 * next id is the previous one plus one, incremented digit by digit in the
 * text itself, so an id costs a few character writes and one string copy.
 * A node names every notification it sends with one, so this is on the
 * fan-out's hot path. Not thread-safe: keep one per thread (the exchange
 * does), so that threads making ids at once never contend for one.
 *
 * <p>If the time given goes back, ids keep counting up from the last time seen,
 * as the ULID specification's monotonic mode does. The random part only
 * keeps ids of different nodes apart, so any fast generator will do.
 */
public final class UlidSource implements LongFunction<String> {

    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final int TIME_DIGITS = 10;
    private static final int LENGTH = 26;

    private final LongSupplier random;
    // Chars, not bytes: a string made from chars is compacted by an intrinsic, while one made
    // from bytes goes through charset lookups and, on Java 17, a thread-local.
    private final char[] text = new char[LENGTH];
    private final int[] digits = new int[LENGTH];
    private long lastMillis = Long.MIN_VALUE;

    /** @param random 64 random bits per call */
    public UlidSource(LongSupplier random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    /** The next id, for a time of {@code now} epoch milliseconds. */
    @Override
    public String apply(long now) {
        if (now > lastMillis) {
            lastMillis = now;
            for (int i = 0; i < TIME_DIGITS; i++) {
                setDigit(i, (int) (now >>> (5 * (TIME_DIGITS - 1 - i))) & 31);
            }
            randomize();
        } else if (!increment()) {
            // 2^80 ids in one millisecond: start the random part afresh rather than wrap to zero.
            randomize();
        }
        return new String(text);
    }

    private void randomize() {
        long high = random.getAsLong() & 0xFFFF;
        long low = random.getAsLong();
        for (int i = TIME_DIGITS; i < LENGTH; i++) {
            int shift = 5 * (LENGTH - 1 - i);
            long bits = shift >= 64 ? high >>> (shift - 64)
                    : shift > 59 ? (low >>> shift) | (high << (64 - shift)) : low >>> shift;
            setDigit(i, (int) bits & 31);
        }
    }

    private boolean increment() {
        for (int i = LENGTH - 1; i >= TIME_DIGITS; i--) {
            if (digits[i] < 31) {
                setDigit(i, digits[i] + 1);
                return true;
            }
            setDigit(i, 0);
        }
        return false;
    }

    private void setDigit(int index, int value) {
        digits[index] = value;
        text[index] = ALPHABET[value];
    }
}
