package io.mpreg.benchmarks.load;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One load run's settings.
 *
 * @param target       the system driven
 * @param url          {@code ws://host:port/mpreg}, {@code nats://host:port} or {@code tcp://host:port}
 * @param inFlight     how many requests are kept outstanding at every moment
 * @param duration     how long the measured window lasts
 * @param warmup       how long the load runs before the window opens
 * @param payloadBytes the length of the string echoed
 */
public record LoadOptions(
        LoadTarget target, URI url, int inFlight, Duration duration, Duration warmup, int payloadBytes) {

    /** The most requests one connection keeps in flight (slot numbers fit in 15 bits, so request ids stay positive). */
    public static final int MAX_IN_FLIGHT = 32_767;

    /** The command-line synopsis. */
    public static final String USAGE = "usage: LoadGenerator --target mpreg|nats|tcp --url ws://127.0.0.1:9001/mpreg"
            + " [--in-flight 1] [--duration 20s] [--warmup 5s] [--payload-bytes 16]";

    private static final Set<String> KNOWN = Set.of(
            "--target", "--url", "--in-flight", "--duration", "--warmup", "--payload-bytes");

    public LoadOptions {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(warmup, "warmup");
        if (inFlight < 1 || inFlight > MAX_IN_FLIGHT) {
            throw new IllegalArgumentException("--in-flight must be between 1 and " + MAX_IN_FLIGHT + ", was " + inFlight);
        }
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("--duration must be positive, was " + duration);
        }
        if (warmup.isNegative()) {
            throw new IllegalArgumentException("--warmup must not be negative, was " + warmup);
        }
        if (payloadBytes < 1) {
            throw new IllegalArgumentException("--payload-bytes must be at least 1, was " + payloadBytes);
        }
    }

    /**
     * Reads {@code --name value} pairs.
     *
     * @throws IllegalArgumentException naming the first unknown, missing or bad option
     */
    public static LoadOptions parse(String... args) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            String name = args[i];
            if (!KNOWN.contains(name)) {
                throw new IllegalArgumentException("unknown option '" + name + "'");
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("option " + name + " needs a value");
            }
            values.put(name, args[i + 1]);
        }
        String target = values.get("--target");
        String url = values.get("--url");
        if (target == null || url == null) {
            throw new IllegalArgumentException("--target and --url are required");
        }
        return new LoadOptions(
                LoadTarget.ofLabel(target),
                URI.create(url),
                parseInt("--in-flight", values.getOrDefault("--in-flight", "1")),
                parseDuration("--duration", values.getOrDefault("--duration", "20s")),
                parseDuration("--warmup", values.getOrDefault("--warmup", "5s")),
                parseInt("--payload-bytes", values.getOrDefault("--payload-bytes", "16")));
    }

    /** Reads {@code 250ms}, {@code 20s} or {@code 2m}. */
    static Duration parseDuration(String option, String text) {
        try {
            if (text.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
            }
            if (text.endsWith("s")) {
                return Duration.ofSeconds(Long.parseLong(text.substring(0, text.length() - 1)));
            }
            if (text.endsWith("m")) {
                return Duration.ofMinutes(Long.parseLong(text.substring(0, text.length() - 1)));
            }
        } catch (NumberFormatException e) {
            // falls through to the message naming the accepted forms
        }
        throw new IllegalArgumentException(option + " must look like 250ms, 20s or 2m, was '" + text + "'");
    }

    private static int parseInt(String option, String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be an integer, was '" + text + "'");
        }
    }
}
