package io.mpreg.core.cluster.sim;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

import io.mpreg.core.cluster.ClusterConfig;
import io.mpreg.core.cluster.ClusterListener;
import io.mpreg.core.cluster.ClusterNode;
import io.mpreg.core.cluster.FunctionEntry;
import io.mpreg.core.cluster.MemberRecord;
import io.mpreg.core.cluster.MemberStatus;
import io.mpreg.core.cluster.SeedResolver;

/**
 * Many {@link ClusterNode}s on one {@link SimulatedNetwork} and one
 * {@link VirtualClock}, driven by one seed: start, kill, restart and part
 * them, then run virtual time until a condition holds.
 *
 * <p>Node {@code i} has id {@code node-i} and address {@code sim://node-i}.
 */
public final class SimulatedCluster {

    private final VirtualClock clock = new VirtualClock();
    private final SplittableRandom random;
    private final SimulatedNetwork network;
    private final Map<String, ClusterNode> nodes = new LinkedHashMap<>();
    private final Map<String, ClusterConfig> configs = new LinkedHashMap<>();
    private final Map<String, List<String>> seedsOf = new LinkedHashMap<>();
    private Function<String, ClusterListener> listeners = id -> ClusterListener.NONE;

    public SimulatedCluster(long seed, NetworkConditions conditions) {
        this.random = new SplittableRandom(seed);
        this.network = new SimulatedNetwork(clock, conditions, random.split());
    }

    /** The address of the node with the given id. */
    public static String addressOf(String id) {
        return "sim://" + id;
    }

    /** The id of the {@code i}-th node. */
    public static String idOf(int index) {
        return "node-" + index;
    }

    /** The virtual clock. */
    public VirtualClock clock() {
        return clock;
    }

    /** The network. */
    public SimulatedNetwork network() {
        return network;
    }

    /** Gives every node started from now on a listener made for its id. */
    public void listeners(Function<String, ClusterListener> factory) {
        listeners = Objects.requireNonNull(factory, "factory");
    }

    /** Starts a node that joins through the given seed nodes. */
    public ClusterNode start(String id, ClusterConfig config, List<String> seedIds, List<FunctionEntry> functions) {
        List<String> seedAddresses = seedIds.stream().map(SimulatedCluster::addressOf).toList();
        configs.put(id, config);
        seedsOf.put(id, seedAddresses);
        ClusterNode node = build(id, config, seedAddresses, functions);
        node.start();
        return node;
    }

    /**
     * Forms a cluster of {@code size} nodes that already know each other, as
     * if it had converged long ago: every node adopts the same records and
     * seeds to {@code node-0}. Joining ten thousand nodes by gossip costs
     * {@code N^2 * retransmits} piggyback slots, minutes of simulated time that
     * measure nothing of interest here; the join path has its own scenarios.
     */
    public List<ClusterNode> formCluster(int size, ClusterConfig config, Function<Integer, List<FunctionEntry>> functions) {
        List<MemberRecord> records = new ArrayList<>(size);
        List<ClusterNode> formed = new ArrayList<>(size);
        List<String> seeds = List.of(addressOf(idOf(0)));
        for (int i = 0; i < size; i++) {
            String id = idOf(i);
            configs.put(id, config);
            seedsOf.put(id, seeds);
            ClusterNode node = build(id, config, seeds, functions.apply(i));
            formed.add(node);
            records.add(new MemberRecord(id, 0, MemberStatus.ALIVE, Objects.requireNonNull(node.view().member(id)).info()));
        }
        List<MemberRecord> shared = List.copyOf(records);
        for (ClusterNode node : formed) {
            node.adopt(shared);
            node.start();
        }
        return formed;
    }

    /** Crashes a node: it stops at once and the network drops everything addressed to it. */
    public void kill(String id) {
        ClusterNode node = node(id);
        node.stop();
        network.disconnect(node.address());
    }

    /** Makes a node leave gracefully, then disconnects it. */
    public void leave(String id) {
        ClusterNode node = node(id);
        node.leave();
        clock.schedule(Duration.ZERO, () -> network.disconnect(node.address()));
    }

    /** Starts a fresh process for a killed or departed node: same id and address, incarnation 0, same seeds. */
    public ClusterNode restart(String id, List<FunctionEntry> functions) {
        ClusterNode node = build(id, configs.get(id), seedsOf.get(id), functions);
        node.start();
        return node;
    }

    /** The current process of a node. */
    public ClusterNode node(String id) {
        ClusterNode node = nodes.get(id);
        if (node == null) {
            throw new IllegalArgumentException("no simulated node '" + id + "'");
        }
        return node;
    }

    /** Every node ever started (the latest process of each). */
    public List<ClusterNode> nodes() {
        return List.copyOf(nodes.values());
    }

    /** Runs virtual time. */
    public void runFor(Duration duration) {
        clock.runFor(duration);
    }

    /** Runs virtual time until the condition holds, checking every 50 ms; false if {@code limit} passed first. */
    public boolean runUntil(BooleanSupplier condition, Duration limit) {
        return clock.runUntil(condition, limit, Duration.ofMillis(50));
    }

    private ClusterNode build(String id, ClusterConfig config, List<String> seedAddresses,
            List<FunctionEntry> functions) {
        String address = addressOf(id);
        SeedResolver seeds = () -> seedAddresses;
        ClusterNode node = ClusterNode.builder(config)
                .id(id)
                .address(address)
                .urls("ws://" + id + ":7070/mpreg", "http://" + id + ":7071/actuator")
                .functions(functions)
                .messenger(network.messengerFor(address))
                .scheduler(clock.scheduler())
                .random(random.split())
                .seeds(seeds)
                .listener(listeners.apply(id))
                .build();
        nodes.put(id, node);
        network.connect(address, node::receive);
        return node;
    }
}
