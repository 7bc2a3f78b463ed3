package io.mpreg.admin.alert;

import java.time.Instant;
import java.util.List;

/**
 * Everything about alerts at one moment: the rules, the alerts active now
 * and the recent transitions.
 *
 * @param at      when the alerts were last evaluated
 * @param rules   every rule
 * @param active  pending and firing alerts
 * @param history transitions, newest first
 */
public record AlertsView(Instant at, List<AlertRule> rules, List<Alert> active, List<Alert> history) {

    public AlertsView {
        rules = List.copyOf(rules);
        active = List.copyOf(active);
        history = List.copyOf(history);
    }

    /** The firing alerts. */
    public List<Alert> firing() {
        return active.stream().filter(alert -> alert.state() == AlertState.FIRING).toList();
    }
}
