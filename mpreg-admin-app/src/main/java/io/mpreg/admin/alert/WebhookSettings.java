package io.mpreg.admin.alert;

import java.time.Duration;
import java.util.Objects;

/**
 * Where a webhook notifier sends and how it retries.
 *
 * @param url            the receiver's URL (http or https)
 * @param maxAttempts    attempts in all, the first included (at least 1)
 * @param initialBackoff the delay before the first retry; each next one doubles
 * @param maxBackoff     the longest delay between attempts
 * @param timeout        how long one attempt may take
 */
public record WebhookSettings(String url, int maxAttempts, Duration initialBackoff, Duration maxBackoff,
        Duration timeout) {

    public WebhookSettings {
        Objects.requireNonNull(url, "url");
        if (!(url.startsWith("http://") || url.startsWith("https://"))) {
            throw new IllegalArgumentException("webhook URL must be http:// or https:// but was '" + url + "'");
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("webhook maxAttempts must be at least 1 but was " + maxAttempts);
        }
        requirePositive(initialBackoff, "initialBackoff");
        requirePositive(maxBackoff, "maxBackoff");
        requirePositive(timeout, "timeout");
    }

    private static void requirePositive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("webhook " + name + " must be positive but was " + duration);
        }
    }
}
