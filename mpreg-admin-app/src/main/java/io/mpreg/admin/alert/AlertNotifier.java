package io.mpreg.admin.alert;

import reactor.core.publisher.Mono;

/**
 * Tells someone that an alert fired or resolved. Notifiers are called for
 * FIRING and RESOLVED transitions only, each on its own; one failing does not
 * hold up the others.
 */
@FunctionalInterface
public interface AlertNotifier {

    /** Sends one notification; completes when it was delivered (or given up on, with an error). */
    Mono<Void> send(Alert alert);
}
