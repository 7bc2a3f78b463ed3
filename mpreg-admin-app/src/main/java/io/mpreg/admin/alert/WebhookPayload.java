package io.mpreg.admin.alert;

/**
 * The JSON body a webhook receives.
 *
 * @param source always {@code mpreg-admin}
 * @param status the alert's state: {@code FIRING} or {@code RESOLVED}
 * @param alert  the alert
 */
public record WebhookPayload(String source, AlertState status, Alert alert) {

    /** The source every payload names. */
    public static final String SOURCE = "mpreg-admin";

    /** The payload announcing this alert. */
    public static WebhookPayload of(Alert alert) {
        return new WebhookPayload(SOURCE, alert.state(), alert);
    }
}
