package io.mpreg.admin.alert;

import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One alert: a rule's condition holding for one subject. In the history,
 * each entry is the alert as it was at one transition.
 *
 * @param id          {@code <rule>:<key>}, stable while the alert lives
 * @param rule        the rule's name
 * @param kind        the rule's kind
 * @param severity    the rule's severity
 * @param key         the subject: {@code cluster/member}, {@code cluster} or {@code cluster/function}
 * @param labels      what the subject is ({@code cluster}, {@code node}, {@code function})
 * @param state       PENDING, FIRING or RESOLVED
 * @param value       the last measured value, for rules that measure one
 * @param summary     one line for people
 * @param activeSince when the condition was first seen holding
 * @param firedAt     when it started firing, if it has
 * @param resolvedAt  when it resolved, if it has
 */
public record Alert(String id, String rule, RuleKind kind, Severity severity, String key, Map<String, String> labels,
        AlertState state, @Nullable Double value, String summary, Instant activeSince, @Nullable Instant firedAt,
        @Nullable Instant resolvedAt) {

    public Alert {
        labels = Map.copyOf(labels);
    }

    static Alert pending(AlertRule rule, Breach breach, Instant now) {
        return new Alert(rule.name() + ":" + breach.key(), rule.name(), rule.kind(), rule.severity(), breach.key(),
                breach.labels(), AlertState.PENDING, breach.value(), breach.summary(), now, null, null);
    }

    /** This alert, still held, with the rule's current severity and the breach's latest value and summary. */
    Alert refreshed(AlertRule rule, Breach breach) {
        return new Alert(id, rule.name(), rule.kind(), rule.severity(), key, breach.labels(), state, breach.value(),
                breach.summary(), activeSince, firedAt, resolvedAt);
    }

    Alert firing(Instant now) {
        return new Alert(id, rule, kind, severity, key, labels, AlertState.FIRING, value, summary, activeSince, now,
                null);
    }

    Alert resolved(Instant now, String reason) {
        return new Alert(id, rule, kind, severity, key, labels, AlertState.RESOLVED, value, reason, activeSince,
                firedAt, now);
    }
}
