package io.mpreg.core.cluster;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.random.RandomGenerator;

import io.mpreg.core.cluster.internal.ClusterEngine;
import org.jspecify.annotations.Nullable;

/**
 * One node's membership in a cluster: joins through seeds, keeps the SWIM
 * membership and the function catalog by gossip, and publishes immutable
 * {@link ClusterView}s for routing.
 *
 * <p>Thread-safe: every mutating call hops onto the {@link ClusterScheduler}'s
 * protocol thread; {@link #view()} is a lock-free read of the latest snapshot.
 * The transport hands each inbound {@code fabric} message to {@link #receive}.
 */
public final class ClusterNode implements AutoCloseable {

    private final String id;
    private final String address;
    private final ClusterScheduler scheduler;
    private final ClusterEngine engine;
    private final Map<String, Integer> loads = new ConcurrentHashMap<>();
    private final Set<String> refusedPeers = ConcurrentHashMap.newKeySet();
    private volatile int localLoad;
    private volatile ClusterView view;

    private ClusterNode(Builder b) {
        this.id = b.id;
        this.address = b.info.address();
        this.scheduler = b.scheduler;
        MemberRecord self = new MemberRecord(b.id, 0, MemberStatus.ALIVE, b.info);
        this.view = ClusterView.of(b.id, new MemberRecord[] {self}, Map.of(), 0);
        this.engine = new ClusterEngine(b.config, self, b.messenger, b.scheduler, b.random, b.seeds, b.listener,
                published -> view = published, () -> localLoad, loads, refusedPeers);
    }

    /** A builder for a node with the given settings. */
    public static Builder builder(ClusterConfig config) {
        return new Builder(config);
    }

    /** This node's member id. */
    public String id() {
        return id;
    }

    /** This node's peer address. */
    public String address() {
        return address;
    }

    /** Starts the protocol and joins the seeds. */
    public ClusterNode start() {
        scheduler.execute(engine::start);
        return this;
    }

    /** The latest published snapshot of the cluster; never blocks. */
    public ClusterView view() {
        return view;
    }

    /** Handles a message from a peer (called by the transport for each {@code fabric} frame). */
    public void receive(ClusterMessage message) {
        Objects.requireNonNull(message, "message");
        scheduler.execute(() -> engine.receive(message));
    }

    /** Offers a function (or a new version of one); the whole cluster learns it by gossip. */
    public void registerFunction(FunctionEntry function) {
        Objects.requireNonNull(function, "function");
        scheduler.execute(() -> engine.announce(info -> info.withFunction(function)));
    }

    /** Stops offering every version of the named function. */
    public void removeFunction(String name) {
        Objects.requireNonNull(name, "name");
        scheduler.execute(() -> engine.announce(info -> info.withoutFunction(name)));
    }

    /** Replaces this node's resource tags. */
    public void setResources(Set<String> resources) {
        Set<String> copy = Set.copyOf(resources);
        scheduler.execute(() -> engine.announce(info -> info.withResources(copy)));
    }

    /** Sets this node's current load (in-flight calls); carried on every cluster message it sends. */
    public void reportLoad(int inFlight) {
        localLoad = Math.max(0, inFlight);
    }

    /** Records a peer's load as observed elsewhere (for example in an RPC reply); shown in the next view. */
    public void observeLoad(String memberId, int load) {
        Objects.requireNonNull(memberId, "memberId");
        loads.put(memberId, Math.max(0, load));
    }

    /**
     * Adopts member records as if learned by anti-entropy (restoring a saved
     * view, or a simulation starting from a formed cluster). Call before {@link #start}.
     */
    public void adopt(List<MemberRecord> records) {
        List<MemberRecord> copy = List.copyOf(records);
        scheduler.execute(() -> engine.adopt(copy));
    }

    /** The peer addresses this node refused or was refused by (another cluster id). */
    public Set<String> refusedPeers() {
        return Collections.unmodifiableSet(refusedPeers);
    }

    /** Leaves gracefully: every live member removes this node at once. */
    public void leave() {
        scheduler.execute(engine::leave);
    }

    /** Stops at once without a goodbye, as a crash would; the others detect it by probing. */
    public void stop() {
        scheduler.execute(engine::stop);
    }

    /** Leaves gracefully. */
    @Override
    public void close() {
        leave();
    }

    /** Builds a {@link ClusterNode}. */
    public static final class Builder {
        private final ClusterConfig config;
        private @Nullable String id;
        private MemberInfo info = MemberInfo.at("unset");
        private @Nullable PeerMessenger messenger;
        private @Nullable ClusterScheduler scheduler;
        private @Nullable RandomGenerator random;
        private SeedResolver seeds = SeedResolver.NONE;
        private ClusterListener listener = ClusterListener.NONE;
        private boolean addressSet;

        private Builder(ClusterConfig config) {
            this.config = Objects.requireNonNull(config, "config");
        }

        /** The member id (unique in the cluster, stable across restarts of the same node). */
        public Builder id(String value) {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException("id must not be blank");
            }
            id = value;
            return this;
        }

        /** The peer address other members send to. */
        public Builder address(String value) {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException("address must not be blank");
            }
            info = new MemberInfo(value, info.clientUrl(), info.managementUrl(), info.resources(), info.functions());
            addressSet = true;
            return this;
        }

        /** The client and management URLs announced to the cluster (either may be {@code null}). */
        public Builder urls(@Nullable String clientUrl, @Nullable String managementUrl) {
            info = info.withUrls(clientUrl, managementUrl);
            return this;
        }

        /** The node's resource tags. */
        public Builder resources(Set<String> value) {
            info = info.withResources(value);
            return this;
        }

        /** The functions offered from the start. */
        public Builder functions(List<FunctionEntry> value) {
            for (FunctionEntry function : new ArrayList<>(value)) {
                info = info.withFunction(function);
            }
            return this;
        }

        /** How messages leave this node. */
        public Builder messenger(PeerMessenger value) {
            messenger = Objects.requireNonNull(value, "messenger");
            return this;
        }

        /** The protocol's clock and thread. */
        public Builder scheduler(ClusterScheduler value) {
            scheduler = Objects.requireNonNull(value, "scheduler");
            return this;
        }

        /** The random source (seed it to replay a run). */
        public Builder random(RandomGenerator value) {
            random = Objects.requireNonNull(value, "random");
            return this;
        }

        /** Where to look for the cluster. */
        public Builder seeds(SeedResolver value) {
            seeds = Objects.requireNonNull(value, "seeds");
            return this;
        }

        /** Told about every membership change. */
        public Builder listener(ClusterListener value) {
            listener = Objects.requireNonNull(value, "listener");
            return this;
        }

        /** The node; not started. */
        public ClusterNode build() {
            if (id == null) {
                throw new IllegalStateException("id was not set");
            }
            if (!addressSet) {
                throw new IllegalStateException("address was not set");
            }
            if (messenger == null || scheduler == null || random == null) {
                throw new IllegalStateException("messenger, scheduler and random must all be set");
            }
            return new ClusterNode(this);
        }
    }
}
