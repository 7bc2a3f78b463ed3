package io.mpreg.admin.alert;

import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

import io.mpreg.admin.model.FleetModel;
import io.mpreg.admin.model.FleetSnapshot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;

/**
 * Evaluates the rules against the model: on every model change, every rule
 * change and every tick (so that durations run out between polls). Time comes
 * only from the injected clock, so a test drives it on virtual time.
 *
 * <p>Evaluations are serialised (they are short and rare: one per poll or
 * tick); readers of {@link #view()} never wait, they read an immutable book.
 */
public final class AlertEngine {

    private static final Logger log = LoggerFactory.getLogger(AlertEngine.class);
    private static final Duration EMIT_RETRY = Duration.ofMillis(200);

    private final AlertRules rules;
    private final Clock clock;
    private final List<AlertNotifier> notifiers;
    private final AtomicReference<AlertBook> book;
    private final AtomicReference<AlertsView> view;
    private final Sinks.Many<AlertsView> changes = Sinks.many().multicast().directBestEffort();

    /**
     * @param rules           the rules in force
     * @param clock           the only source of time
     * @param notifiers       told of every FIRING and RESOLVED transition
     * @param historyCapacity how many transitions the history keeps
     */
    public AlertEngine(AlertRules rules, Clock clock, List<AlertNotifier> notifiers, int historyCapacity) {
        this.rules = Objects.requireNonNull(rules, "rules");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.notifiers = List.copyOf(notifiers);
        AlertBook empty = AlertBook.empty(historyCapacity);
        this.book = new AtomicReference<>(empty);
        this.view = new AtomicReference<>(viewOf(empty));
    }

    /** The rules, active alerts and history as of the last evaluation. */
    public AlertsView view() {
        return view.get();
    }

    /** The view after every evaluation that changed something. */
    public Flux<AlertsView> changes() {
        return changes.asFlux();
    }

    /**
     * Evaluates every rule against the snapshot now, advances the alerts and
     * notifies of FIRING and RESOLVED transitions.
     *
     * @return the transitions, oldest first
     */
    public synchronized List<Alert> evaluate(FleetSnapshot fleet) {
        List<AlertRule> current = rules.all();
        Map<String, List<Breach>> breaches = new HashMap<>();
        for (AlertRule rule : current) {
            breaches.put(rule.name(), RuleEvaluator.breaches(rule, fleet));
        }
        AlertBook.Step step = book.get().advance(current, breaches, clock.instant());
        book.set(step.book());
        AlertsView before = view.get();
        AlertsView after = viewOf(step.book());
        view.set(after);
        step.transitions().stream()
                .filter(alert -> alert.state() != AlertState.PENDING)
                .forEach(this::notifyAll);
        if (!step.transitions().isEmpty() || !before.rules().equals(after.rules())
                || !before.active().equals(after.active())) {
            changes.emitNext(after, Sinks.EmitFailureHandler.busyLooping(EMIT_RETRY));
        }
        return step.transitions();
    }

    /**
     * Evaluates on every change of the model or the rules and every
     * {@code interval}, on the scheduler, until the returned handle is disposed.
     */
    public Disposable run(FleetModel model, Duration interval, Scheduler scheduler) {
        return Flux.merge(model.changes().map(change -> 0L), rules.changes().map(change -> 0L),
                        Flux.interval(interval, interval, scheduler))
                .onBackpressureLatest()
                .publishOn(scheduler, 1)
                .subscribe(tick -> evaluate(model.current()),
                        failure -> log.error("Alert evaluation stopped", failure));
    }

    private void notifyAll(Alert alert) {
        for (AlertNotifier notifier : notifiers) {
            notifier.send(alert)
                    .onErrorResume(failure -> {
                        log.warn("Notifier {} failed on alert {}: {}", notifier.getClass().getSimpleName(),
                                alert.id(), failure.toString());
                        return Mono.empty();
                    })
                    .subscribe();
        }
    }

    private AlertsView viewOf(AlertBook alerts) {
        List<Alert> active = alerts.active().values().stream()
                .sorted(Comparator.comparing(Alert::severity).reversed().thenComparing(Alert::id))
                .toList();
        return new AlertsView(clock.instant(), rules.all(), active, alerts.history());
    }
}
