package io.mpreg.spring.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.binder.BaseUnits;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.mpreg.core.cluster.MemberStatus;
import io.mpreg.core.error.ErrorKind;
import io.mpreg.core.fabric.ClusterStats;
import io.mpreg.core.fabric.NodeCluster;

/**
 * Binds a node's {@link ClusterStats} to Micrometer. Every meter reads the
 * core's snapshot when scraped; nothing is counted twice.
 *
 * <p>Remote calls are tagged by {@code outcome} only, summed over peers: a
 * peer id is as unbounded as the cluster (the product runs 10,000-node
 * clusters in simulation), so a per-peer tag would grow every scrape without
 * bound. The per-peer breakdown is in the {@code mpreg} Actuator endpoint.
 */
final class ClusterMeterBinder implements MeterBinder {

    static final String MEMBERS = "mpreg.cluster.members";
    static final String GOSSIP_MESSAGES = "mpreg.cluster.gossip.messages";
    static final String GOSSIP_BYTES = "mpreg.cluster.gossip.bytes";
    static final String PROBES = "mpreg.cluster.probes";
    static final String PROBE_RTT = "mpreg.cluster.probe.rtt";
    static final String REMOTE_CALLS = "mpreg.cluster.remote.calls";

    private final NodeCluster cluster;

    ClusterMeterBinder(NodeCluster cluster) {
        this.cluster = Objects.requireNonNull(cluster, "cluster");
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (MemberStatus status : MemberStatus.values()) {
            Gauge.builder(MEMBERS, cluster, c -> c.stats().membersByStatus().getOrDefault(status, 0))
                    .description("Members this node holds in each state, itself included")
                    .tag("state", status.wireName())
                    .register(registry);
        }
        counter(registry, GOSSIP_MESSAGES, "sent", ClusterStats::messagesSent, BaseUnits.MESSAGES,
                "Membership messages exchanged with peers (calls excluded)");
        counter(registry, GOSSIP_MESSAGES, "received", ClusterStats::messagesReceived, BaseUnits.MESSAGES,
                "Membership messages exchanged with peers (calls excluded)");
        counter(registry, GOSSIP_BYTES, "sent", ClusterStats::bytesSent, BaseUnits.BYTES,
                "Size of the membership messages exchanged with peers (JSON text)");
        counter(registry, GOSSIP_BYTES, "received", ClusterStats::bytesReceived, BaseUnits.BYTES,
                "Size of the membership messages exchanged with peers (JSON text)");
        FunctionCounter.builder(PROBES, cluster, c -> c.stats().probeRtt().count())
                .description("Direct probes answered, whose round trips are measured")
                .register(registry);
        rtt(registry, "0.5", ClusterStats.Rtt::p50);
        rtt(registry, "0.99", ClusterStats.Rtt::p99);
        rtt(registry, "max", ClusterStats.Rtt::max);
        for (String outcome : outcomes()) {
            FunctionCounter.builder(REMOTE_CALLS, cluster, c -> remoteCalls(c.stats(), outcome))
                    .description("Calls this node sent to peers, by outcome")
                    .tag("outcome", outcome)
                    .register(registry);
        }
    }

    private void counter(MeterRegistry registry, String name, String direction,
            ToDoubleFunction<ClusterStats> value, String unit, String description) {
        FunctionCounter.builder(name, cluster, c -> value.applyAsDouble(c.stats()))
                .description(description)
                .baseUnit(unit)
                .tag("direction", direction)
                .register(registry);
    }

    private void rtt(MeterRegistry registry, String quantile, Function<ClusterStats.Rtt, Duration> value) {
        TimeGauge.builder(PROBE_RTT, cluster, TimeUnit.NANOSECONDS,
                        c -> value.apply(c.stats().probeRtt()).toNanos())
                .description("Round trip of direct probes (upper bound of a power-of-two bucket)")
                .tag("quantile", quantile)
                .register(registry);
    }

    /** Every outcome a remote call can have: a bounded set, registered up front. */
    static List<String> outcomes() {
        List<String> outcomes = new ArrayList<>(List.of("success", "cancelled"));
        for (ErrorKind kind : ErrorKind.values()) {
            outcomes.add(kind.name().toLowerCase(Locale.ROOT));
        }
        return outcomes;
    }

    private static long remoteCalls(ClusterStats stats, String outcome) {
        long total = 0;
        for (Map<String, Long> byOutcome : stats.remoteCalls().values()) {
            total += byOutcome.getOrDefault(outcome, 0L);
        }
        return total;
    }
}
