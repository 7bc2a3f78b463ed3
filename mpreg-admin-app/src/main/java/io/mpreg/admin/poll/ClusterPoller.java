package io.mpreg.admin.poll;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

import io.mpreg.admin.model.ClusterReport;
import io.mpreg.admin.model.ClusterSnapshot;
import io.mpreg.admin.model.ClusterSnapshots;
import io.mpreg.admin.model.FleetModel;
import io.mpreg.admin.model.MemberReport;
import io.mpreg.admin.model.MeterQuery;
import io.mpreg.admin.model.NodeReading;
import io.mpreg.client.MpregClient;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * Polls one watched cluster: asks any of its nodes (the client fails over
 * between the seed URLs) for the {@code mpreg.cluster} report, reads every
 * member's Actuator, and hands the resulting snapshot to the model. A failed
 * poll keeps the last known members and marks the cluster unreachable.
 */
public final class ClusterPoller implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ClusterPoller.class);

    private final WatchedCluster cluster;
    private final MpregClient client;
    private final NodeProbe probe;
    private final FleetModel model;
    private final Supplier<Collection<MeterQuery>> meters;
    private final Clock clock;
    private final int probeConcurrency;
    private volatile @Nullable Disposable polling;
    private volatile boolean lastPollFailed;

    /**
     * @param cluster          what to poll and how often
     * @param client           a client over the cluster's seed URLs (closed with this poller)
     * @param probe            reads the members' Actuators
     * @param model            receives each snapshot
     * @param meters           the meters to read from every member (asked again at every poll)
     * @param clock            stamps the snapshots
     * @param probeConcurrency how many members are read at once
     */
    public ClusterPoller(WatchedCluster cluster, MpregClient client, NodeProbe probe, FleetModel model,
            Supplier<Collection<MeterQuery>> meters, Clock clock, int probeConcurrency) {
        this.cluster = Objects.requireNonNull(cluster, "cluster");
        this.client = Objects.requireNonNull(client, "client");
        this.probe = Objects.requireNonNull(probe, "probe");
        this.model = Objects.requireNonNull(model, "model");
        this.meters = Objects.requireNonNull(meters, "meters");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.probeConcurrency = probeConcurrency;
    }

    /** Polls now and then every poll interval, on the given scheduler, until closed. */
    public void start(Scheduler scheduler) {
        polling = Flux.interval(Duration.ZERO, cluster.pollInterval(), scheduler)
                .onBackpressureDrop()
                .concatMap(tick -> pollOnce(), 1)
                .subscribe(model::update, failure -> log.error("Polling of cluster '{}' stopped", cluster.name(),
                        failure));
    }

    /** One poll: the snapshot it produced (never an error: a failed poll gives an unreachable snapshot). */
    public Mono<ClusterSnapshot> pollOnce() {
        ClusterSnapshot previous = model.current().cluster(cluster.name())
                .orElse(ClusterSnapshot.notPolledYet(cluster.name(), cluster.region(), clock.instant()));
        return client.call(ClusterReport.FUNCTION, ClusterReport.class)
                .timeout(cluster.pollTimeout())
                .flatMap(report -> readMembers(report).map(readings -> ClusterSnapshots.fromReport(cluster.name(),
                        cluster.region(), previous,
                        report, readings, clock.instant())))
                .doOnNext(snapshot -> {
                    if (lastPollFailed) {
                        log.info("Cluster '{}' reachable again through '{}'", cluster.name(), snapshot.reportedBy());
                    }
                    lastPollFailed = false;
                })
                .switchIfEmpty(Mono.error(() -> new IllegalStateException("mpreg.cluster returned nothing")))
                .onErrorResume(failure -> {
                    if (!lastPollFailed) {
                        log.warn("Cluster '{}' unreachable: {}", cluster.name(), failure.toString());
                    }
                    lastPollFailed = true;
                    return Mono.just(previous.unreachable(String.valueOf(failure.getMessage()), clock.instant()));
                });
    }

    private Mono<Map<String, NodeReading>> readMembers(ClusterReport report) {
        Collection<MeterQuery> wanted = List.copyOf(meters.get());
        return Flux.fromIterable(report.members())
                .filter(member -> member.managementUrl() != null && !member.managementUrl().isBlank())
                .flatMap(member -> probe.read(managementUrl(member), wanted)
                        .map(reading -> Map.entry(member.id(), reading)), probeConcurrency)
                .collectMap(Map.Entry::getKey, Map.Entry::getValue);
    }

    private static String managementUrl(MemberReport member) {
        return Objects.requireNonNull(member.managementUrl(), "managementUrl");
    }

    /** Stops polling and closes the client. */
    @Override
    public void close() {
        Disposable running = polling;
        if (running != null) {
            running.dispose();
        }
        client.close();
    }
}
