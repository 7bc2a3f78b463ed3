package io.mpreg.admin.alert;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/** Writes each firing alert as a WARN line and each resolution as an INFO line. */
public final class LoggingNotifier implements AlertNotifier {

    private static final Logger log = LoggerFactory.getLogger("io.mpreg.admin.alerts");

    @Override
    public Mono<Void> send(Alert alert) {
        return Mono.fromRunnable(() -> {
            if (alert.state() == AlertState.FIRING) {
                log.warn("Alert FIRING [{}] {}: {}", alert.severity(), alert.id(), alert.summary());
            } else {
                log.info("Alert {} [{}] {}: {}", alert.state(), alert.severity(), alert.id(), alert.summary());
            }
        });
    }
}
