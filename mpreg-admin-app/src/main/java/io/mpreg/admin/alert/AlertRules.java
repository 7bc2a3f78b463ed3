package io.mpreg.admin.alert;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import io.mpreg.admin.model.MeterQuery;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * The alert rules in force: those of the configuration at start, then as
 * created, replaced and deleted through the API. Kept in memory: edits last
 * until the app restarts, the configuration is where rules are kept for good.
 */
public final class AlertRules {

    private final AtomicReference<Map<String, AlertRule>> rules;
    private final Sinks.Many<List<AlertRule>> changes = Sinks.many().multicast().directBestEffort();

    /**
     * @throws IllegalArgumentException if two rules share a name
     */
    public AlertRules(List<AlertRule> initial) {
        Map<String, AlertRule> byName = new LinkedHashMap<>();
        for (AlertRule rule : initial) {
            if (byName.putIfAbsent(rule.name(), rule) != null) {
                throw new IllegalArgumentException("two alert rules are named '" + rule.name() + "'");
            }
        }
        this.rules = new AtomicReference<>(java.util.Collections.unmodifiableMap(byName));
    }

    /** Every rule, in the order they were added. */
    public List<AlertRule> all() {
        return List.copyOf(rules.get().values());
    }

    /** The rule with this name. */
    public Optional<AlertRule> find(String name) {
        return Optional.ofNullable(rules.get().get(name));
    }

    /** Adds a rule; false (and nothing changes) if one with its name exists. */
    public boolean create(AlertRule rule) {
        Objects.requireNonNull(rule, "rule");
        return change(current -> current.containsKey(rule.name()) ? current : with(current, rule));
    }

    /** Replaces the rule of that name; false (and nothing changes) if there is none. */
    public boolean replace(AlertRule rule) {
        Objects.requireNonNull(rule, "rule");
        return change(current -> current.containsKey(rule.name()) ? with(current, rule) : current);
    }

    /** Deletes the rule of that name; false if there is none. */
    public boolean delete(String name) {
        return change(current -> {
            if (!current.containsKey(name)) {
                return current;
            }
            Map<String, AlertRule> next = new LinkedHashMap<>(current);
            next.remove(name);
            return java.util.Collections.unmodifiableMap(next);
        });
    }

    /** The rules after each change. */
    public Flux<List<AlertRule>> changes() {
        return changes.asFlux();
    }

    /** The meters that {@link RuleKind#METER} rules read. */
    public Set<MeterQuery> meters() {
        return rules.get().values().stream()
                .map(AlertRule::meterQuery)
                .filter(Objects::nonNull)
                .collect(Collectors.toUnmodifiableSet());
    }

    private boolean change(UnaryOperator<Map<String, AlertRule>> update) {
        Map<String, AlertRule> before;
        Map<String, AlertRule> after;
        do {
            before = rules.get();
            after = update.apply(before);
        } while (!rules.compareAndSet(before, after));
        if (after == before) {
            return false;
        }
        changes.emitNext(all(), Sinks.EmitFailureHandler.busyLooping(java.time.Duration.ofMillis(200)));
        return true;
    }

    private static Map<String, AlertRule> with(Map<String, AlertRule> current, AlertRule rule) {
        Map<String, AlertRule> next = new LinkedHashMap<>(current);
        next.put(rule.name(), rule);
        return java.util.Collections.unmodifiableMap(next);
    }
}
