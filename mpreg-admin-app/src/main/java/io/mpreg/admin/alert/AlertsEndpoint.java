package io.mpreg.admin.alert;

import java.util.Objects;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/** The admin app's own Actuator endpoint {@code alerts}: rules, active alerts and history. */
@Endpoint(id = "alerts")
public final class AlertsEndpoint {

    private final AlertEngine engine;

    public AlertsEndpoint(AlertEngine engine) {
        this.engine = Objects.requireNonNull(engine, "engine");
    }

    /** Everything about alerts now. */
    @ReadOperation
    public AlertsView alerts() {
        return engine.view();
    }
}
