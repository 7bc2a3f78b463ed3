package io.mpreg.admin.alert;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The alert state machine, as an immutable value: the alerts active now and
 * the most recent transitions. {@link #advance} computes the next book from
 * what holds now; it reads no clock.
 *
 * <pre>
 *   (condition holds)        (held for the rule's duration)      (no longer holds)
 *  ------------------&gt; PENDING ------------------------&gt; FIRING -------------------&gt; RESOLVED
 *                         |  (no longer holds: dropped, never notified)
 * </pre>
 * A rule with a zero duration fires at once. Removing a rule resolves its firing alerts.
 *
 * @param active          the pending and firing alerts, by id
 * @param history         transitions, newest first, at most {@code historyCapacity}
 * @param historyCapacity how many transitions are kept
 */
record AlertBook(Map<String, Alert> active, List<Alert> history, int historyCapacity) {

    AlertBook {
        active = Map.copyOf(active);
        history = List.copyOf(history);
    }

    static AlertBook empty(int historyCapacity) {
        if (historyCapacity < 1) {
            throw new IllegalArgumentException("history capacity must be at least 1 but was " + historyCapacity);
        }
        return new AlertBook(Map.of(), List.of(), historyCapacity);
    }

    /** The next book and the transitions that led to it, oldest first. */
    record Step(AlertBook book, List<Alert> transitions) {
    }

    /**
     * @param rules    every rule now
     * @param breaches where each rule's condition holds now, by rule name
     * @param now      the evaluation time
     */
    Step advance(Collection<AlertRule> rules, Map<String, List<Breach>> breaches, Instant now) {
        Map<String, Alert> next = new LinkedHashMap<>();
        List<Alert> transitions = new ArrayList<>();
        for (AlertRule rule : rules) {
            for (Breach breach : breaches.getOrDefault(rule.name(), List.of())) {
                Alert held = held(active.get(rule.name() + ":" + breach.key()), rule, breach, now, transitions);
                next.putIfAbsent(held.id(), held);
            }
        }
        for (Alert was : active.values()) {
            if (!next.containsKey(was.id()) && was.state() == AlertState.FIRING) {
                boolean ruleExists = rules.stream().anyMatch(rule -> rule.name().equals(was.rule()));
                transitions.add(was.resolved(now, ruleExists ? "resolved: " + was.summary()
                        : "resolved: rule '" + was.rule() + "' was removed"));
            }
        }
        return new Step(new AlertBook(next, withHistory(transitions), historyCapacity), List.copyOf(transitions));
    }

    private static Alert held(@Nullable Alert was, AlertRule rule, Breach breach, Instant now, List<Alert> transitions) {
        Alert alert = was == null ? Alert.pending(rule, breach, now) : was.refreshed(rule, breach);
        if (was == null && !rule.forDuration().isZero()) {
            transitions.add(alert);
        }
        if (alert.state() == AlertState.PENDING && !now.isBefore(alert.activeSince().plus(rule.forDuration()))) {
            alert = alert.firing(now);
            transitions.add(alert);
        }
        return alert;
    }

    private List<Alert> withHistory(List<Alert> transitions) {
        if (transitions.isEmpty()) {
            return history;
        }
        List<Alert> merged = new ArrayList<>(transitions.size() + history.size());
        for (int i = transitions.size() - 1; i >= 0; i--) {
            merged.add(transitions.get(i));
        }
        merged.addAll(history);
        return merged.size() > historyCapacity ? merged.subList(0, historyCapacity) : merged;
    }
}
