package io.mpreg.admin.web;

import java.time.Duration;
import java.util.Objects;

import io.mpreg.admin.alert.AlertEngine;
import io.mpreg.admin.model.FleetModel;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;

/**
 * {@code GET /api/events}: the live model and alerts as Server-Sent Events.
 * A new subscriber first gets the current {@code fleet} and {@code alerts};
 * then a {@code fleet} event after every poll, a {@code member} event for
 * every member that changed state and an {@code alerts} event whenever alerts
 * or rules change, plus a comment every {@value #HEARTBEAT_SECONDS} s to keep
 * proxies from closing the stream. A subscriber too slow to keep up misses
 * events (the next {@code fleet} event carries the whole model again).
 */
@RestController
class EventStreamController {

    static final long HEARTBEAT_SECONDS = 15;

    private final FleetModel model;
    private final AlertEngine alerts;

    EventStreamController(FleetModel model, AlertEngine alerts) {
        this.model = Objects.requireNonNull(model, "model");
        this.alerts = Objects.requireNonNull(alerts, "alerts");
    }

    @GetMapping(path = "/api/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    Flux<ServerSentEvent<Object>> events() {
        Flux<ServerSentEvent<Object>> initial = Flux.defer(() -> Flux.just(
                event("fleet", model.current()), event("alerts", alerts.view())));
        Flux<ServerSentEvent<Object>> fleetChanges = model.changes()
                .onBackpressureLatest()
                .concatMap(change -> Flux.concat(
                        Flux.fromIterable(change.memberChanges()).map(member -> event("member", member)),
                        Flux.just(event("fleet", change.snapshot()))));
        Flux<ServerSentEvent<Object>> alertChanges = alerts.changes()
                .onBackpressureLatest()
                .map(view -> event("alerts", view));
        Flux<ServerSentEvent<Object>> heartbeat = Flux.interval(Duration.ofSeconds(HEARTBEAT_SECONDS))
                .map(tick -> ServerSentEvent.builder().comment("keep-alive").build());
        return Flux.concat(initial, Flux.merge(fleetChanges, alertChanges, heartbeat));
    }

    private static ServerSentEvent<Object> event(String type, Object data) {
        return ServerSentEvent.builder(data).event(type).build();
    }
}
