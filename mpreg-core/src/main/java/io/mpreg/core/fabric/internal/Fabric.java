package io.mpreg.core.fabric.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import io.mpreg.core.cluster.ClusterListener;
import io.mpreg.core.cluster.ClusterMessage;
import io.mpreg.core.cluster.ClusterMessageCodec;
import io.mpreg.core.cluster.ClusterNode;
import io.mpreg.core.cluster.ClusterPayload;
import io.mpreg.core.cluster.ClusterScheduler;
import io.mpreg.core.cluster.ClusterView;
import io.mpreg.core.cluster.FunctionEntry;
import io.mpreg.core.cluster.Member;
import io.mpreg.core.cluster.MemberRecord;
import io.mpreg.core.cluster.MemberStatus;
import io.mpreg.core.fabric.ClusterSettings;
import io.mpreg.core.fabric.ClusterStats;
import io.mpreg.core.fabric.NodeCluster;
import io.mpreg.core.fabric.RoutingCommandRunner;
import io.mpreg.core.function.FunctionDescriptor;
import io.mpreg.core.function.FunctionRegistry;
import io.mpreg.core.function.LocalCommandRunner;
import io.mpreg.core.pubsub.PubSubExchange;
import io.mpreg.core.rpc.CommandRunner;
import io.mpreg.core.transport.ConnectionInfo;
import io.mpreg.core.transport.WebSocketClient;
import io.mpreg.core.wire.WireCodec;
import io.mpreg.core.wire.WireMessage;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A node's membership in a cluster over WebSocket: the {@link ClusterNode},
 * its peer links, the remote calls and the routing command runner, assembled
 * for one {@code MpregNode}. Created before the node's listener is bound,
 * {@link #start started} once its URL is known.
 */
public final class Fabric implements NodeCluster {

    private static final Logger log = LoggerFactory.getLogger(Fabric.class);
    private static final Duration GOODBYE_FLUSH = Duration.ofMillis(500);

    private final ClusterSettings settings;
    private final String nodeId;
    private final FunctionRegistry registry;
    private final Set<String> nodeResources;
    private final Random random;
    private final ScheduledExecutorService protocolThread;
    private final FabricCounters counters = new FabricCounters();
    private final Map<String, Long> lastSeen = new ConcurrentHashMap<>();
    private final List<ClusterListener> listeners = new CopyOnWriteArrayList<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final PeerLinks links;
    private final RemoteCalls calls;
    private final InboundFabric inbound;
    private final RoutingCommandRunner router;
    private final PubSubPeers pubSubPeers;
    private final ClusterView lonelyView;
    private volatile @Nullable ClusterNode node;
    private volatile String advertisedUrl = "";

    /**
     * @param settings      the cluster settings (enabled)
     * @param nodeName      the node's name, its member id unless the settings give one
     * @param registry      the node's functions, announced in the catalog as they change
     * @param localRunner   this node's own functions and resources
     * @param observedLocal the local runner as the node observes it (metrics)
     */
    public Fabric(ClusterSettings settings, String nodeName, FunctionRegistry registry,
            LocalCommandRunner localRunner, CommandRunner observedLocal, JsonMapper mapper, Clock clock,
            Random random) {
        this.settings = settings;
        this.nodeId = settings.nodeId() != null ? settings.nodeId() : nodeName;
        this.registry = registry;
        this.nodeResources = localRunner.nodeResources();
        this.random = random;
        this.lonelyView = ClusterView.of(nodeId, List.of());
        this.protocolThread = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "mpreg-cluster-" + nodeId);
            thread.setDaemon(true);
            return thread;
        });
        CommandRunner counted = (command, context) -> Mono.defer(() -> {
            reportLoad(inFlight.incrementAndGet());
            return observedLocal.run(command, context).doFinally(signal -> reportLoad(inFlight.decrementAndGet()));
        });
        WireCodec codec = ClusterMessageCodec.register(WireCodec.rpc(mapper));
        ClusterMessageCodec messageCodec = new ClusterMessageCodec(mapper);
        this.calls = new RemoteCalls(nodeId + "-" + Long.toHexString(random.nextLong()) + "-", clock,
                this::envelope, (address, message, id) -> linksSendCall(address, message, id));
        this.inbound = new InboundFabric(settings.clusterId(), codec, counters, lastSeen, calls, counted, clock,
                this::envelope, () -> node);
        this.links = new PeerLinks(nodeId, messageCodec,
                WebSocketClient.create().connectTimeout(Duration.ofSeconds(2)),
                settings.breakerOpenTime(), settings.linkBackoff(), new Random(random.nextLong()), protocolThread,
                Schedulers.parallel(), new PeerLink.Events() {
                    @Override
                    public void received(PeerLink link, String frame) {
                        inbound.fromLink(link, frame);
                    }

                    @Override
                    public void lost(Object connection, String address) {
                        calls.connectionLost(connection, address);
                    }

                    @Override
                    public void notSent(String callId, String address, String reason) {
                        calls.notSent(callId, reason);
                    }
                }, counters);
        inbound.acks(links::acked);
        this.pubSubPeers = new PubSubPeers(nodeId, random.nextLong(), messageCodec, links, protocolThread,
                this::envelope, this::view);
        inbound.pubSub(pubSubPeers::receive);
        links.callsPendingVia(calls::pendingVia);
        this.router = new RoutingCommandRunner(this::view, counted, localRunner::offers, calls, settings.routing(),
                random);
    }

    /** The node's frame codec with the fabric role added. */
    public static WireCodec codec(WireCodec base) {
        return ClusterMessageCodec.register(base);
    }

    /** Runs each command where the router chooses. */
    public CommandRunner commandRunner() {
        return router;
    }

    /**
     * Serves one fabric message that arrived on a connection this node accepted; answers calls. The
     * first message from a peer's connection makes it this node's way to that peer too: the returned
     * {@code Flux} then also carries what this node sends to the peer, until the connection ends.
     */
    public Flux<WireMessage> serve(ClusterMessage message, ConnectionInfo connection) {
        Flux<WireMessage> replies = inbound.serve(message);
        if (!settings.clusterId().equals(message.clusterId())) {
            return replies;
        }
        Flux<WireMessage> toPeer = links.accepted(connection.id(), message);
        return toPeer == null ? replies : Flux.merge(toPeer, replies);
    }

    /**
     * Carries the exchange's messages to the peers whose subscriptions match them, and
     * delivers those of peers to it (see docs/pubsub.md, "Across the cluster").
     */
    public void bridge(PubSubExchange exchange) {
        pubSubPeers.bridge(exchange);
    }

    /** Joins the cluster, announcing the given URL to peers and clients. */
    public void start(String url) {
        start(url, settings.managementUrl());
    }

    /** Joins the cluster, announcing the given node and management URLs. */
    public void start(String url, @Nullable String managementUrl) {
        advertisedUrl = url;
        ClusterNode built = ClusterNode.builder(settings.protocol())
                .id(nodeId)
                .address(url)
                .urls(url, managementUrl)
                .resources(nodeResources)
                .functions(catalog())
                .messenger(links)
                .scheduler(ClusterScheduler.onExecutor(protocolThread))
                .random(new Random(random.nextLong()))
                .seeds(settings.seedResolver())
                .listener(this::memberChanged)
                .build();
        registry.addListener(new FunctionRegistry.Listener() {
            @Override
            public void registered(FunctionDescriptor descriptor) {
                if (!descriptor.name().equals(ClusterDescription.FUNCTION)) {
                    built.registerFunction(entry(descriptor));
                }
            }

            @Override
            public void unregistered(FunctionDescriptor descriptor) {
                built.removeFunction(descriptor.name());
            }
        });
        node = built;
        catalog().forEach(built::registerFunction);
        built.start();
        log.info("node '{}' joining cluster '{}' at {} through seeds {}", nodeId, settings.clusterId(), url,
                settings.seeds());
    }

    /** Says goodbye to every live member and waits (briefly) until the goodbye is handed to the links. */
    public void leave() {
        ClusterNode current = node;
        if (current == null) {
            return;
        }
        current.leave();
        try {
            protocolThread.submit(() -> { }).get(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (ExecutionException | TimeoutException e) {
            log.debug("goodbye of node '{}' not confirmed", nodeId, e);
        }
        // Links still connecting hold goodbyes: give them a moment rather than drop them.
        long deadline = System.nanoTime() + GOODBYE_FLUSH.toNanos();
        while (!links.idle() && System.nanoTime() < deadline) {
            LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
        }
    }

    /** Closes every peer link (calls still waiting fail with NODE_LOST) and stops the protocol thread. */
    public void close() {
        pubSubPeers.close();
        links.close();
        protocolThread.shutdownNow();
    }

    @Override
    public String clusterId() {
        return settings.clusterId();
    }

    @Override
    public String nodeId() {
        return nodeId;
    }

    @Override
    public String advertisedUrl() {
        return advertisedUrl;
    }

    @Override
    public ClusterView view() {
        ClusterNode current = node;
        return current == null ? lonelyView : current.view();
    }

    @Override
    public List<Member> members() {
        return List.copyOf(view().members().values());
    }

    @Override
    public ClusterStats stats() {
        Map<MemberStatus, Integer> byStatus = new EnumMap<>(MemberStatus.class);
        for (MemberStatus status : MemberStatus.values()) {
            byStatus.put(status, 0);
        }
        for (Member member : view().members().values()) {
            byStatus.merge(member.status(), 1, Integer::sum);
        }
        return new ClusterStats(byStatus, counters.messagesSent(), counters.messagesReceived(), counters.bytesSent(),
                counters.bytesReceived(), counters.rtt(), calls.outcomes());
    }

    @Override
    public ObjectNode describe() {
        return ClusterDescription.of(settings.clusterId(), view(), lastSeen, System.nanoTime());
    }

    @Override
    public Set<String> refusedPeers() {
        ClusterNode current = node;
        return current == null ? Set.of() : current.refusedPeers();
    }

    @Override
    public void addListener(ClusterListener listener) {
        listeners.add(java.util.Objects.requireNonNull(listener, "listener"));
    }

    /** The membership protocol of this node, once started (for tests and tools of this module). */
    public @Nullable ClusterNode clusterNode() {
        return node;
    }

    /**
     * Drops outbound membership messages the filter refuses, as a lossy or partitioned
     * network would (fault injection for tests; calls are not affected).
     */
    public void outboundFilter(java.util.function.BiPredicate<String, ClusterMessage> filter) {
        links.outboundFilter(java.util.Objects.requireNonNull(filter, "filter"));
    }

    /** Whether this node can send to the address over an open connection (for tests and diagnostics). */
    public boolean linkOpen(String address) {
        return links.isOpen(address);
    }

    /** How many connections this node has dialed to peers that are open now (for tests and diagnostics). */
    public int openLinks() {
        return links.openLinks();
    }

    /** How many peers send to this node over connections they dialed (for tests and diagnostics). */
    public int inboundChannels() {
        return links.inboundChannels();
    }

    private void memberChanged(@Nullable MemberRecord previous, MemberRecord current) {
        boolean wasLive = previous == null || previous.status().isLive();
        boolean peer = !current.id().equals(nodeId);
        if (wasLive && !current.status().isLive() && peer) {
            calls.memberLost(current.id(), current.status().wireName());
            pubSubPeers.peerGone(current.id());
            links.drop(current.info().address());
        }
        boolean cameAlive = previous == null || !previous.status().isLive();
        if (peer && cameAlive && current.status().isLive()) {
            pubSubPeers.peerAlive(current.id(), current.info().address());
        }
        for (ClusterListener listener : listeners) {
            try {
                listener.memberChanged(previous, current);
            } catch (RuntimeException e) {
                log.warn("cluster listener {} failed", listener, e);
            }
        }
    }

    private @Nullable Object linksSendCall(String address, ClusterMessage message, @Nullable String callId) {
        return links.sendCall(address, message, callId);
    }

    private ClusterMessage envelope(ClusterPayload payload) {
        return new ClusterMessage(settings.clusterId(), nodeId, advertisedUrl, inFlight.get(), payload, List.of());
    }

    private void reportLoad(int load) {
        ClusterNode current = node;
        if (current != null) {
            current.reportLoad(load);
        }
    }

    private List<FunctionEntry> catalog() {
        return registry.descriptors().stream()
                .filter(d -> !d.name().equals(ClusterDescription.FUNCTION))
                .map(Fabric::entry)
                .toList();
    }

    private static FunctionEntry entry(FunctionDescriptor d) {
        return FunctionEntry.of(d.name(), d.version(), d.resources(), d.description()).withIdempotent(d.idempotent());
    }
}
