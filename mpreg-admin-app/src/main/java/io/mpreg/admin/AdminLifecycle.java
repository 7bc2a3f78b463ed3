package io.mpreg.admin;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.mpreg.admin.alert.AlertEngine;
import io.mpreg.admin.alert.AlertRules;
import io.mpreg.admin.model.FleetModel;
import io.mpreg.admin.model.MeterQuery;
import io.mpreg.admin.poll.ClusterPoller;
import io.mpreg.admin.poll.NodeProbe;
import io.mpreg.admin.poll.WatchedCluster;
import io.mpreg.client.MpregClient;
import org.jspecify.annotations.Nullable;
import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Starts polling every watched cluster and evaluating alerts once the
 * context is up, and stops both (closing the clients) when it shuts down.
 * The admin app is only a client of the clusters: it runs no node.
 */
final class AdminLifecycle implements SmartLifecycle {

    /** The meters read from every node, besides those alert rules ask for. */
    static final Set<MeterQuery> KEY_METERS = Set.of(MeterQuery.RPC_REQUESTS, MeterQuery.RPC_SUCCESSES,
            MeterQuery.RPC_P99, MeterQuery.JVM_MEMORY_USED, MeterQuery.CONNECTIONS);

    private final List<WatchedCluster> clusters;
    private final FleetModel model;
    private final NodeProbe probe;
    private final AlertRules rules;
    private final AlertEngine engine;
    private final AdminProperties properties;
    private final Clock clock;
    private final List<ClusterPoller> pollers = new ArrayList<>();
    private @Nullable Scheduler alertScheduler;
    private @Nullable Disposable alerting;
    private volatile boolean running;

    AdminLifecycle(List<WatchedCluster> clusters, FleetModel model, NodeProbe probe, AlertRules rules,
            AlertEngine engine, AdminProperties properties, Clock clock) {
        this.clusters = clusters;
        this.model = model;
        this.probe = probe;
        this.rules = rules;
        this.engine = engine;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public synchronized void start() {
        Scheduler scheduler = Schedulers.newSingle("mpreg-admin-alerts");
        alertScheduler = scheduler;
        alerting = engine.run(model, properties.getAlerts().getEvaluationInterval(), scheduler);
        for (WatchedCluster cluster : clusters) {
            MpregClient client = MpregClient.builder()
                    .urls(cluster.seeds().toArray(String[]::new))
                    .requestTimeout(cluster.pollTimeout())
                    .connectTimeout(cluster.pollTimeout())
                    .connectRounds(1)
                    .build();
            ClusterPoller poller = new ClusterPoller(cluster, client, probe, model, this::meters, clock,
                    properties.getProbeConcurrency());
            pollers.add(poller);
            poller.start(Schedulers.parallel());
        }
        running = true;
    }

    @Override
    public synchronized void stop() {
        pollers.forEach(ClusterPoller::close);
        pollers.clear();
        if (alerting != null) {
            alerting.dispose();
        }
        if (alertScheduler != null) {
            alertScheduler.dispose();
        }
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private Set<MeterQuery> meters() {
        return Stream.concat(KEY_METERS.stream(), rules.meters().stream()).collect(Collectors.toUnmodifiableSet());
    }
}
