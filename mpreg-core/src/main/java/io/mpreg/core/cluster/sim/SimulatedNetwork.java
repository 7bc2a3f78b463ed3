package io.mpreg.core.cluster.sim;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.ToIntFunction;
import java.util.random.RandomGenerator;

import io.mpreg.core.cluster.ClusterMessage;
import io.mpreg.core.cluster.PeerMessenger;

/**
 * A deterministic in-memory network between simulated nodes: messages are
 * delivered on the {@link VirtualClock} after a latency, may be lost, never
 * cross a partition, and never reach a node that is down.
 *
 * <p>Message objects are handed over as they are (no copy), so a simulation
 * of 10,000 nodes shares one immutable record per member; bytes are counted
 * with a pluggable sizer (the real JSON codec when measuring traffic).
 */
public final class SimulatedNetwork {

    private final VirtualClock clock;
    private final RandomGenerator random;
    private final Map<String, Consumer<ClusterMessage>> endpoints = new HashMap<>();
    private final Map<String, Integer> partitionOf = new HashMap<>();
    private NetworkConditions conditions;
    private ToIntFunction<ClusterMessage> sizer = message -> 0;
    private long messagesSent;
    private long messagesDelivered;
    private long bytesSent;

    public SimulatedNetwork(VirtualClock clock, NetworkConditions conditions, RandomGenerator random) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.conditions = Objects.requireNonNull(conditions, "conditions");
        this.random = Objects.requireNonNull(random, "random");
    }

    /** Connects a node: messages to {@code address} go to {@code receiver}. */
    public void connect(String address, Consumer<ClusterMessage> receiver) {
        endpoints.put(address, receiver);
    }

    /** Disconnects a node: messages to it vanish (a crashed or stopped process). */
    public void disconnect(String address) {
        endpoints.remove(address);
    }

    /** The messenger a node at {@code address} sends with. */
    public PeerMessenger messengerFor(String address) {
        return (to, message) -> send(address, to, message);
    }

    /** Changes latency and loss from now on. */
    public void setConditions(NetworkConditions newConditions) {
        conditions = Objects.requireNonNull(newConditions, "conditions");
    }

    /** Splits the network: messages cross between two addresses only if they are in the same group. */
    public void partition(Set<String> group, Set<String> otherGroup) {
        partitionOf.clear();
        group.forEach(address -> partitionOf.put(address, 1));
        otherGroup.forEach(address -> partitionOf.put(address, 2));
    }

    /** Ends every partition. */
    public void heal() {
        partitionOf.clear();
    }

    /** Sets how message sizes are counted (for example the JSON codec's encoded length). */
    public void setSizer(ToIntFunction<ClusterMessage> newSizer) {
        sizer = Objects.requireNonNull(newSizer, "sizer");
    }

    /** Messages sent so far (lost ones included). */
    public long messagesSent() {
        return messagesSent;
    }

    /** Messages delivered so far. */
    public long messagesDelivered() {
        return messagesDelivered;
    }

    /** Bytes sent so far, as counted by the sizer. */
    public long bytesSent() {
        return bytesSent;
    }

    private void send(String from, String to, ClusterMessage message) {
        messagesSent++;
        bytesSent += sizer.applyAsInt(message);
        if (conditions.lossRate() > 0 && random.nextDouble() < conditions.lossRate()) {
            return;
        }
        if (!partitionOf.getOrDefault(from, 0).equals(partitionOf.getOrDefault(to, 0))) {
            return;
        }
        long jitter = conditions.jitter().toNanos();
        long delay = conditions.latency().toNanos() + (jitter == 0 ? 0 : random.nextLong(-jitter, jitter + 1));
        clock.scheduleNanos(delay, () -> {
            Consumer<ClusterMessage> receiver = endpoints.get(to);
            if (receiver != null && partitionOf.getOrDefault(from, 0).equals(partitionOf.getOrDefault(to, 0))) {
                messagesDelivered++;
                receiver.accept(message);
            }
        });
    }
}
