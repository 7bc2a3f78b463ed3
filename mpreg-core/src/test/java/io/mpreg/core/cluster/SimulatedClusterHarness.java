package io.mpreg.core.cluster;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;

import io.mpreg.core.cluster.sim.NetworkConditions;
import io.mpreg.core.cluster.sim.SimulatedCluster;

/** {@link ClusterHarness} on the deterministic simulated network and virtual time. */
final class SimulatedClusterHarness implements ClusterHarness {

    private final SimulatedCluster cluster;

    SimulatedClusterHarness(long seed) {
        this.cluster = new SimulatedCluster(seed, NetworkConditions.LAN);
    }

    @Override
    public ClusterNode start(String id, ClusterConfig config, List<String> seedIds, List<FunctionEntry> functions) {
        return cluster.start(id, config, seedIds, functions);
    }

    @Override
    public void kill(String id) {
        cluster.kill(id);
    }

    @Override
    public ClusterNode restart(String id, List<FunctionEntry> functions) {
        return cluster.restart(id, functions);
    }

    @Override
    public void leave(String id) {
        cluster.leave(id);
    }

    @Override
    public void partition(Set<String> group, Set<String> otherGroup) {
        cluster.network().partition(addresses(group), addresses(otherGroup));
    }

    @Override
    public void heal() {
        cluster.network().heal();
    }

    @Override
    public void setLoss(double rate) {
        cluster.network().setConditions(NetworkConditions.LAN.withLoss(rate));
    }

    @Override
    public boolean await(BooleanSupplier condition, Duration within) {
        return cluster.runUntil(condition, within);
    }

    @Override
    public Duration now() {
        return cluster.clock().elapsed();
    }

    private static Set<String> addresses(Set<String> ids) {
        return Set.copyOf(ids.stream().map(SimulatedCluster::addressOf).toList());
    }
}
