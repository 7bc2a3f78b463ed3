package io.mpreg.admin.poll;

import java.net.URI;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import io.mpreg.admin.model.MeterQuery;
import io.mpreg.admin.model.NodeHealth;
import io.mpreg.admin.model.NodeReading;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * Reads one node's Actuator over HTTP: {@code /actuator/health} and, for
 * each meter asked for, {@code /actuator/metrics/<name>?tag=k:v}. A meter the
 * node lacks (404) is left out; a node that cannot be reached gives an
 * {@code UNKNOWN} health carrying the reason, never an error.
 */
public final class NodeProbe {

    private static final String ACTUATOR = "/actuator";

    private final WebClient web;
    private final Duration timeout;
    private final int concurrency;

    /**
     * @param web         the HTTP client
     * @param timeout     how long each HTTP request may take
     * @param concurrency how many requests to one node may be in flight at once
     */
    public NodeProbe(WebClient web, Duration timeout, int concurrency) {
        this.web = Objects.requireNonNull(web, "web");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.concurrency = concurrency;
    }

    /** Reads the node's health and the given meters. */
    public Mono<NodeReading> read(String managementUrl, Collection<MeterQuery> meters) {
        String actuator = actuatorBase(managementUrl);
        Mono<NodeHealth> health = health(actuator);
        Mono<Map<String, Map<String, Double>>> samples = Flux.fromIterable(meters)
                .flatMap(meter -> meter(actuator, meter).map(values -> Map.entry(meter.key(), values)), concurrency)
                .collectMap(Map.Entry::getKey, Map.Entry::getValue, HashMap::new)
                .map(Map::copyOf);
        return Mono.zip(health, samples, NodeReading::new);
    }

    private Mono<NodeHealth> health(String actuator) {
        return web.get().uri(URI.create(actuator + "/health"))
                .exchangeToMono(response -> response.bodyToMono(JsonNode.class))
                .timeout(timeout)
                .map(NodeProbe::toHealth)
                .onErrorResume(failure -> Mono.just(NodeHealth.unreachable(describe(failure))))
                .defaultIfEmpty(NodeHealth.unreachable("empty health response"));
    }

    private Mono<Map<String, Double>> meter(String actuator, MeterQuery meter) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromUriString(actuator + "/metrics/" + meter.name());
        meter.tags().forEach((key, value) -> uri.queryParam("tag", key + ":" + value));
        return web.get().uri(uri.build().encode().toUri())
                .retrieve()
                .bodyToMono(JsonNode.class)
                .timeout(timeout)
                .map(NodeProbe::toStatistics)
                .onErrorResume(absentOrUnreachable -> Mono.empty());
    }

    private static NodeHealth toHealth(JsonNode body) {
        Map<String, String> components = new LinkedHashMap<>();
        JsonNode parts = body.path("components");
        for (Map.Entry<String, JsonNode> part : parts.properties()) {
            components.put(part.getKey(), part.getValue().path("status").asString("UNKNOWN"));
        }
        return new NodeHealth(body.path("status").asString("UNKNOWN"), components, null);
    }

    private static Map<String, Double> toStatistics(JsonNode body) {
        Map<String, Double> statistics = new LinkedHashMap<>();
        for (JsonNode measurement : body.path("measurements")) {
            JsonNode value = measurement.path("value");
            if (value.isNumber()) {
                statistics.put(measurement.path("statistic").asString("VALUE"), value.doubleValue());
            }
        }
        return Map.copyOf(statistics);
    }

    /** The Actuator base: the management URL itself when it already ends in {@code /actuator}. */
    static String actuatorBase(String managementUrl) {
        String base = managementUrl.endsWith("/") ? managementUrl.substring(0, managementUrl.length() - 1)
                : managementUrl;
        return base.endsWith(ACTUATOR) ? base : base + ACTUATOR;
    }

    private static String describe(Throwable failure) {
        String message = failure.getMessage();
        return failure.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
