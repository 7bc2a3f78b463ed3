package io.mpreg.core.cluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiPredicate;
import java.util.function.BooleanSupplier;

import io.mpreg.core.fabric.ClusterSettings;
import io.mpreg.core.fabric.internal.Fabric;
import io.mpreg.core.function.FunctionDescriptor;
import io.mpreg.core.node.MpregNode;
import io.mpreg.core.node.MpregNodeBuilder;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import reactor.core.publisher.Mono;
import tools.jackson.databind.node.NullNode;

/**
 * {@link ClusterHarness} over real {@link MpregNode}s on 127.0.0.1, joined by
 * WebSocket peer links. Network faults are injected at each node's outbound
 * membership traffic: a partition drops messages between the two groups, loss
 * drops a random fraction.
 */
final class RealSocketClusterHarness implements ClusterHarness, AutoCloseable {

    private final long startNanos = System.nanoTime();
    private final Random random = new Random(20261121L);
    private final Map<String, MpregNode> nodes = new ConcurrentHashMap<>();
    private final Map<String, ClusterConfig> configs = new ConcurrentHashMap<>();
    private final Map<String, List<String>> seeds = new ConcurrentHashMap<>();
    private final Map<String, Integer> ports = new ConcurrentHashMap<>();
    private volatile Set<String> groupA = Set.of();
    private volatile Set<String> groupB = Set.of();
    private volatile double loss;

    @Override
    public ClusterNode start(String id, ClusterConfig config, List<String> seedIds, List<FunctionEntry> functions) {
        configs.put(id, config);
        List<String> seedUrls = new ArrayList<>();
        for (String seed : seedIds) {
            seedUrls.add(fabric(seed).advertisedUrl());
        }
        seeds.put(id, seedUrls);
        return launch(id, 0, functions);
    }

    @Override
    public void kill(String id) {
        MpregNode node = nodes.remove(id);
        Fabric fabric = (Fabric) node.cluster().orElseThrow();
        fabric.clusterNode().stop();
        node.close();
    }

    @Override
    public ClusterNode restart(String id, List<FunctionEntry> functions) {
        return launch(id, ports.get(id), functions);
    }

    @Override
    public void leave(String id) {
        nodes.remove(id).close();
    }

    @Override
    public void partition(Set<String> group, Set<String> otherGroup) {
        groupA = addresses(group);
        groupB = addresses(otherGroup);
    }

    @Override
    public void heal() {
        groupA = Set.of();
        groupB = Set.of();
    }

    @Override
    public void setLoss(double rate) {
        loss = rate;
    }

    @Override
    public boolean await(BooleanSupplier condition, Duration within) {
        try {
            Awaitility.await().atMost(within).pollInterval(Duration.ofMillis(20)).until(condition::getAsBoolean);
            return true;
        } catch (ConditionTimeoutException timedOut) {
            return false;
        }
    }

    @Override
    public Duration now() {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    @Override
    public void close() {
        new ArrayList<>(nodes.values()).parallelStream().forEach(MpregNode::close);
        nodes.clear();
    }

    private ClusterNode launch(String id, int port, List<FunctionEntry> functions) {
        MpregNodeBuilder builder = MpregNode.builder().name(id).host("127.0.0.1").port(port)
                .keepAlive(Duration.ofSeconds(5), Duration.ofSeconds(30))
                .random(new Random(random.nextLong()))
                .cluster(ClusterSettings.builder().protocol(configs.get(id)).clusterId(configs.get(id).clusterId())
                        .seeds(seeds.get(id)).build());
        for (FunctionEntry function : functions) {
            builder.function(FunctionDescriptor.of(function.name()).withVersion(function.version()),
                    (args, kwargs) -> Mono.just(NullNode.getInstance()));
        }
        MpregNode node = builder.start();
        nodes.put(id, node);
        ports.put(id, node.port());
        Fabric fabric = fabric(id);
        String self = fabric.advertisedUrl();
        fabric.outboundFilter(allowed(self));
        return fabric.clusterNode();
    }

    private BiPredicate<String, ClusterMessage> allowed(String self) {
        return (address, message) -> {
            Set<String> a = groupA;
            Set<String> b = groupB;
            if (a.contains(self) && b.contains(address) || b.contains(self) && a.contains(address)) {
                return false;
            }
            double rate = loss;
            return rate == 0 || random.nextDouble() >= rate;
        };
    }

    private Fabric fabric(String id) {
        return (Fabric) nodes.get(id).cluster().orElseThrow();
    }

    private Set<String> addresses(Set<String> ids) {
        Set<String> addresses = new HashSet<>();
        for (String id : ids) {
            addresses.add("ws://127.0.0.1:" + ports.get(id) + "/mpreg");
        }
        return addresses;
    }
}
