/**
 * Alerting on the live model: {@link io.mpreg.admin.alert.AlertRule}s (from
 * configuration and edited through the API), evaluated by
 * {@link io.mpreg.admin.alert.AlertEngine} on an injected clock into alerts
 * that go pending, firing and resolved, with a bounded history, sent to
 * {@link io.mpreg.admin.alert.AlertNotifier}s (the log, webhooks) and shown
 * in the app's own Actuator.
 */
@NullMarked
package io.mpreg.admin.alert;

import org.jspecify.annotations.NullMarked;
