package io.mpreg.admin.alert;

import java.util.List;
import java.util.Objects;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * The {@code alerts} health component of the admin app: DOWN while a
 * CRITICAL alert fires, {@link #WARN} while only WARNING (or INFO) alerts
 * fire, UP otherwise. WARN ranks between OUT_OF_SERVICE and UP in the
 * aggregate and answers HTTP 200 (see the app's {@code application.yaml}).
 * The liveness and readiness groups do not include it: an alert about the
 * watched clusters must not restart or unroute the admin app.
 */
public final class AlertsHealthIndicator implements HealthIndicator {

    /** Some non-critical alert fires. */
    public static final Status WARN = new Status("WARN", "a non-critical alert is firing");

    private final AlertEngine engine;

    public AlertsHealthIndicator(AlertEngine engine) {
        this.engine = Objects.requireNonNull(engine, "engine");
    }

    @Override
    public Health health() {
        List<Alert> firing = engine.view().firing();
        boolean critical = firing.stream().anyMatch(alert -> alert.severity() == Severity.CRITICAL);
        Status status = critical ? Status.DOWN : firing.isEmpty() ? Status.UP : WARN;
        return Health.status(status)
                .withDetail("firing", firing.size())
                .withDetail("critical", firing.stream().filter(alert -> alert.severity() == Severity.CRITICAL)
                        .map(Alert::id).toList())
                .withDetail("pending", engine.view().active().size() - firing.size())
                .build();
    }
}
