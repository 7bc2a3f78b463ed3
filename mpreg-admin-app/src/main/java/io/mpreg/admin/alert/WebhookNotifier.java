package io.mpreg.admin.alert;

import java.net.URI;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.util.retry.Retry;

/**
 * POSTs each notification as JSON ({@link WebhookPayload}) to one URL.
 * A 5xx or 429 answer, a refused connection or a timeout is retried with
 * exponential backoff (with jitter) up to {@code maxAttempts} attempts in
 * all; any other 4xx answer is not retried.
 */
public final class WebhookNotifier implements AlertNotifier {

    private static final Logger log = LoggerFactory.getLogger(WebhookNotifier.class);

    private final WebClient web;
    private final URI url;
    private final WebhookSettings settings;
    private final Scheduler scheduler;

    /**
     * @param web       the HTTP client
     * @param settings  where to send and how to retry
     * @param scheduler times the backoff delays
     */
    public WebhookNotifier(WebClient web, WebhookSettings settings, Scheduler scheduler) {
        this.web = Objects.requireNonNull(web, "web");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.url = URI.create(settings.url());
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    }

    @Override
    public Mono<Void> send(Alert alert) {
        return Mono.defer(() -> web.post().uri(url)
                        .contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(WebhookPayload.of(alert))
                        .retrieve()
                        .toBodilessEntity()
                        .timeout(settings.timeout()))
                .retryWhen(Retry.backoff(settings.maxAttempts() - 1L, settings.initialBackoff())
                        .maxBackoff(settings.maxBackoff())
                        .scheduler(scheduler)
                        .filter(WebhookNotifier::retryable)
                        .doBeforeRetry(retry -> log.debug("Webhook {} failed ({}); retry {}", url,
                                retry.failure().toString(), retry.totalRetries() + 1)))
                .doOnError(failure -> log.warn("Webhook {} gave up on alert {}: {}", url, alert.id(),
                        failure.toString()))
                .then();
    }

    private static boolean retryable(Throwable failure) {
        if (failure instanceof WebClientResponseException response) {
            return response.getStatusCode().is5xxServerError()
                    || response.getStatusCode().isSameCodeAs(HttpStatus.TOO_MANY_REQUESTS);
        }
        return true;
    }
}
