package io.mpreg.admin.alert;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

import io.mpreg.admin.model.MeterQuery;
import org.jspecify.annotations.Nullable;

/**
 * One alert rule. A rule's condition is checked against every watched
 * cluster (or only {@code cluster}); where it holds, an alert goes PENDING,
 * and FIRING once it has held for {@code forDuration}.
 *
 * <p>Optional settings left {@code null} take their defaults: severity
 * WARNING, duration zero (fire at once), comparison GT, statistic VALUE, no
 * tags, an empty description.
 *
 * @param name        unique; letters, digits, '.', '_' and '-' (it names the pub/sub topic
 *                    {@code mpreg.alerts.<name>})
 * @param kind        what the rule watches
 * @param severity    how urgent its alerts are
 * @param forDuration how long the condition must hold before the alert fires
 * @param cluster     the watched cluster it applies to; every cluster when {@code null}
 * @param threshold   the value compared with (kinds that need one)
 * @param comparison  how the value is compared with the threshold (kinds with a measured value)
 * @param function    the function {@link RuleKind#FUNCTION_UNAVAILABLE} watches; every function when {@code null}
 * @param meter       the meter {@link RuleKind#METER} reads, such as {@code jvm.threads.live}
 * @param statistic   the meter's statistic: {@code VALUE}, {@code COUNT}, {@code TOTAL_TIME}, {@code MAX}, ...
 * @param tags        tags narrowing the meter, such as {@code area=heap}
 * @param description free text shown with the alert
 */
public record AlertRule(String name, RuleKind kind, Severity severity, Duration forDuration,
        @Nullable String cluster, @Nullable Double threshold, Comparison comparison, @Nullable String function,
        @Nullable String meter, String statistic, Map<String, String> tags, String description) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]+");

    public AlertRule {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    "rule name must be letters, digits, '.', '_' or '-' but was '" + name + "'");
        }
        if (kind == null) {
            throw new IllegalArgumentException("rule '" + name + "' needs a kind");
        }
        severity = severity == null ? Severity.WARNING : severity;
        forDuration = forDuration == null ? Duration.ZERO : forDuration;
        if (forDuration.isNegative()) {
            throw new IllegalArgumentException("rule '" + name + "': forDuration must not be negative");
        }
        cluster = blankToNull(cluster);
        function = blankToNull(function);
        meter = blankToNull(meter);
        comparison = comparison == null ? Comparison.GT : comparison;
        statistic = statistic == null || statistic.isBlank() ? "VALUE" : statistic.trim().toUpperCase(java.util.Locale.ROOT);
        tags = tags == null ? Map.of() : Map.copyOf(tags);
        description = description == null ? "" : description;
        if (kind.needsThreshold() && (threshold == null || threshold.isNaN())) {
            throw new IllegalArgumentException("rule '" + name + "' of kind " + kind + " needs a threshold");
        }
        if (kind.needsMeter()) {
            if (meter == null) {
                throw new IllegalArgumentException("rule '" + name + "' of kind " + kind + " needs a meter name");
            }
            new MeterQuery(meter, tags);
        }
    }

    /** A rule of this kind with every optional setting at its default. */
    public static AlertRule of(String name, RuleKind kind) {
        return new AlertRule(name, kind, null, null, null, null, null, null, null, null, null, null);
    }

    /** A rule comparing a measured value with a threshold, every other setting at its default. */
    public static AlertRule of(String name, RuleKind kind, Comparison comparison, double threshold) {
        return new AlertRule(name, kind, null, null, null, threshold, comparison, null, null, null, null, null);
    }

    /** A {@link RuleKind#METER} rule, every other setting at its default. */
    public static AlertRule meter(String name, String meter, String statistic, Map<String, String> tags,
            Comparison comparison, double threshold) {
        return new AlertRule(name, RuleKind.METER, null, null, null, threshold, comparison, null, meter, statistic,
                tags, null);
    }

    /** The meter a {@link RuleKind#METER} rule reads. */
    public @Nullable MeterQuery meterQuery() {
        return meter == null ? null : new MeterQuery(meter, tags);
    }

    /** This rule with another severity. */
    public AlertRule withSeverity(Severity newSeverity) {
        return new AlertRule(name, kind, newSeverity, forDuration, cluster, threshold, comparison, function, meter,
                statistic, tags, description);
    }

    /** This rule with another duration. */
    public AlertRule withFor(Duration newForDuration) {
        return new AlertRule(name, kind, severity, newForDuration, cluster, threshold, comparison, function, meter,
                statistic, tags, description);
    }

    /** This rule with another threshold and comparison. */
    public AlertRule withThreshold(Comparison newComparison, double newThreshold) {
        return new AlertRule(name, kind, severity, forDuration, cluster, newThreshold, newComparison, function, meter,
                statistic, tags, description);
    }

    /** This rule limited to one cluster. */
    public AlertRule withCluster(String newCluster) {
        return new AlertRule(name, kind, severity, forDuration, newCluster, threshold, comparison, function, meter,
                statistic, tags, description);
    }

    /** This rule about one function. */
    public AlertRule withFunction(String newFunction) {
        return new AlertRule(name, kind, severity, forDuration, cluster, threshold, comparison, newFunction, meter,
                statistic, tags, description);
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** The threshold of a rule whose kind needs one. */
    double requiredThreshold() {
        return Objects.requireNonNull(threshold, "threshold");
    }
}
