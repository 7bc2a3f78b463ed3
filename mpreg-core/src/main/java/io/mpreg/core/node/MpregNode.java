package io.mpreg.core.node;

import java.time.Clock;
import java.time.Duration;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.net.ssl.KeyManagerFactory;

import io.mpreg.core.cluster.ClusterMessage;
import io.mpreg.core.fabric.NodeCluster;
import io.mpreg.core.fabric.internal.Fabric;
import io.mpreg.core.function.BlockingExecutor;
import io.mpreg.core.function.BuiltinFunctions;
import io.mpreg.core.rpc.CommandObserver;
import io.mpreg.core.function.FunctionRegistry;
import io.mpreg.core.function.LocalCommandRunner;
import io.mpreg.core.pubsub.PubSubConfig;
import io.mpreg.core.pubsub.PubSubExchange;
import io.mpreg.core.pubsub.PubSubWire;
import io.mpreg.core.rpc.CommandRunner;
import io.mpreg.core.rpc.RpcService;
import io.mpreg.core.transport.BoundServer;
import io.mpreg.core.transport.ConnectionHandler;
import io.mpreg.core.transport.TransportStats;
import io.mpreg.core.transport.WebSocketEndpoint;
import io.mpreg.core.transport.WebSocketServer;
import io.mpreg.core.wire.WireCodec;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * A running MPREG node without Spring: its function registry, the RPC
 * service and, unless turned off, its own WebSocket listener serving
 * {@code /mpreg} and {@code /} on one port.
 *
 * <pre>{@code
 * try (MpregNode node = MpregNode.builder().host("127.0.0.1").port(0).start()) {
 *     String url = node.url();   // ws://127.0.0.1:<port>/mpreg
 * }
 * }</pre>
 *
 * <p>The built-in functions {@code echo}, {@code echos} and {@code mpreg.cluster} are always present.
 * With cluster settings ({@link MpregNodeBuilder#cluster}) the node joins a cluster and runs each
 * command on a member offering it; {@link #cluster()} shows that cluster.
 * The node serves the pub/sub roles with its {@link #pubSub() exchange}: a
 * connection's subscriptions end when it closes.
 * Functions may be registered and unregistered while the node runs, through
 * {@link #registry()}. {@link #close()} stops the listener (open connections,
 * on it or on the {@link #endpoint()}, are asked to close with status 1001 and
 * given two seconds) and then the blocking pool.
 */
public final class MpregNode implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MpregNode.class);
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(2);

    private final MpregNodeConfig config;
    private final FunctionRegistry registry;
    private final FrameDispatcher dispatcher;
    private final PubSubExchange pubSub;
    private final BlockingExecutor blocking;
    private final JsonMapper mapper;
    private final @Nullable BoundServer server;
    private final @Nullable WebSocketEndpoint endpoint;
    private final @Nullable Fabric fabric;
    private final boolean secure;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicBoolean joined = new AtomicBoolean();
    private final AtomicBoolean left = new AtomicBoolean();

    private MpregNode(MpregNodeConfig config, FunctionRegistry registry, FrameDispatcher dispatcher,
                      PubSubExchange pubSub, BlockingExecutor blocking, JsonMapper mapper,
                      @Nullable BoundServer server, @Nullable WebSocketEndpoint endpoint, boolean secure,
                      @Nullable Fabric fabric) {
        this.fabric = fabric;
        this.secure = secure;
        this.config = config;
        this.registry = registry;
        this.dispatcher = dispatcher;
        this.pubSub = pubSub;
        this.blocking = blocking;
        this.mapper = mapper;
        this.server = server;
        this.endpoint = endpoint;
    }

    /** A builder with the defaults of {@link MpregNodeConfig#defaults()}. */
    public static MpregNodeBuilder builder() {
        return new MpregNodeBuilder();
    }

    static MpregNode start(MpregNodeConfig config, PubSubConfig pubSubConfig, JsonMapper mapper, Clock clock,
                           Random random,
                           CommandObserver observer, @Nullable KeyManagerFactory tls,
                           List<MpregNodeBuilder.PendingFunction> functions) {
        BlockingExecutor blocking = BlockingExecutor.create(config.blockingPoolSize(), config.blockingQueueCapacity());
        Fabric fabric = null;
        try {
            FunctionRegistry registry = new FunctionRegistry();
            BuiltinFunctions.registerInto(registry);
            for (MpregNodeBuilder.PendingFunction function : functions) {
                registry.register(function.descriptor(), function.invoker().apply(mapper, blocking));
            }
            LocalCommandRunner local = new LocalCommandRunner(registry, config.resources());
            CommandRunner observed = observer.observe(local);
            CommandRunner runner = observed;
            WireCodec codec = PubSubWire.register(WireCodec.rpc(mapper));
            if (config.cluster().enabled()) {
                fabric = new Fabric(config.cluster(), config.name(), registry, local, observed, mapper, clock, random);
                runner = fabric.commandRunner();
                codec = Fabric.codec(codec);
            }
            RpcService rpc = new RpcService(runner, clock, config.defaultRequestTimeout(), config.maxRequestTimeout());
            PubSubExchange pubSub = PubSubExchange.create(pubSubConfig, clock, mapper);
            FrameDispatcher dispatcher = PubSubRoles.serve(new FrameDispatcher(codec, rpc), pubSub);
            if (fabric != null) {
                Fabric served = fabric;
                served.bridge(pubSub);
                dispatcher = dispatcher.withHandler(ClusterMessage.ROLE,
                        (message, connection) -> served.serve((ClusterMessage) message, connection));
            }
            WebSocketServer spec = serverSpec(config, dispatcher);
            BoundServer server = config.listen() ? (tls == null ? spec : spec.tls(tls)).bind() : null;
            WebSocketEndpoint endpoint = server == null ? spec.endpoint() : null;
            MpregNode node = new MpregNode(config, registry, dispatcher, pubSub, blocking, mapper, server, endpoint,
                    tls != null, fabric);
            registry.register(ClusterIntrospection.DESCRIPTOR, ClusterIntrospection.invoker(node));
            boolean joinNow = fabric != null && (server != null || config.cluster().advertisedUrl() != null);
            if (joinNow) {
                node.joinCluster(node.advertisedUrl(), config.cluster().managementUrl());
            }
            log.info("Node '{}' started{} with {} function(s), resources {}{}", config.name(),
                    server == null ? " without a listener" : " on port " + server.port(),
                    registry.descriptors().size(), config.resources(),
                    fabric == null ? "" : joinNow ? ", cluster '" + config.cluster().clusterId() + "'"
                            : ", joining cluster '" + config.cluster().clusterId() + "' once joinCluster(url) "
                            + "gives the URL its endpoint serves");
            return node;
        } catch (RuntimeException e) {
            if (fabric != null) {
                fabric.close();
            }
            blocking.close();
            throw e;
        }
    }

    private static WebSocketServer serverSpec(MpregNodeConfig config, ConnectionHandler handler) {
        return WebSocketServer.create()
                .host(config.host())
                .port(config.port())
                .maxFrameSize(config.maxFrameSize())
                .pingInterval(config.pingInterval())
                .idleTimeout(config.idleTimeout())
                .handler(handler);
    }

    /** The configuration the node was started with. */
    public MpregNodeConfig config() {
        return config;
    }

    /** The node's functions; register or unregister while it runs. */
    public FunctionRegistry registry() {
        return registry;
    }

    /**
     * The node's topic exchange: publish from code on the node
     * ({@link PubSubExchange#publish}), subscribe in process
     * ({@link PubSubExchange#subscribeInProcess}), read its statistics.
     */
    public PubSubExchange pubSub() {
        return pubSub;
    }

    /** The pool that runs the node's plain (possibly blocking) functions; register method functions with it. */
    public BlockingExecutor blockingExecutor() {
        return blocking;
    }

    /** The mapper that reads arguments and writes results; register method functions with it. */
    public JsonMapper mapper() {
        return mapper;
    }

    /** Serves one client connection at the level of messages: text frames in, text frames out. */
    public ConnectionHandler connectionHandler() {
        return dispatcher;
    }

    /**
     * Serves the WebSocket connections another Reactor Netty server accepts for a node without
     * a listener of its own (the Spring Boot starter's WebFlux endpoint), with the node's frame
     * limit, keep-alive and idle timeout, as its own listener would.
     *
     * @throws IllegalStateException if the node has a listener of its own
     */
    public WebSocketEndpoint endpoint() {
        if (endpoint == null) {
            throw new IllegalStateException("node '" + config.name() + "' serves its own listener (listen=true)");
        }
        return endpoint;
    }

    /**
     * The port the listener is bound to.
     *
     * @throws IllegalStateException if the node has no listener of its own
     */
    public int port() {
        return requireServer().port();
    }

    /**
     * The URL clients connect to: {@code ws://host:port/mpreg} ({@code wss://} with TLS), with the
     * loopback address when the listener binds every interface.
     *
     * @throws IllegalStateException if the node has no listener of its own
     */
    public String url() {
        String host = config.host();
        if ("0.0.0.0".equals(host) || "::".equals(host)) {
            host = "127.0.0.1";
        } else if (host.contains(":")) {
            host = "[" + host + "]";
        }
        return (secure ? "wss://" : "ws://") + host + ":" + port() + "/mpreg";
    }

    /** The node's cluster, or empty when it runs alone. */
    public Optional<NodeCluster> cluster() {
        return Optional.ofNullable(fabric);
    }

    /**
     * Joins the cluster now, announcing the given URLs. A node with a listener of its own, or
     * with an advertised URL in its settings, joins when it starts; a node served by another
     * endpoint (e.g. Spring WebFlux on a port chosen at bind time) joins once that endpoint
     * listens and its URL is known.
     *
     * @param advertisedUrl the URL peers and clients reach this node at ({@code ws://} or {@code wss://})
     * @param managementUrl the management (Actuator) URL announced in the catalog, or {@code null}
     * @throws IllegalStateException if the node is not clustered, or has joined already
     */
    public void joinCluster(String advertisedUrl, @Nullable String managementUrl) {
        Objects.requireNonNull(advertisedUrl, "advertisedUrl");
        if (fabric == null) {
            throw new IllegalStateException("node '" + config.name() + "' has no cluster settings");
        }
        if (!joined.compareAndSet(false, true)) {
            throw new IllegalStateException("node '" + config.name() + "' has joined its cluster already");
        }
        fabric.start(advertisedUrl, managementUrl);
    }

    /**
     * Says goodbye to the cluster (every member removes this node at once) while the node keeps
     * serving the calls it has; {@link #close()} does the same first. Idempotent; nothing to do
     * when the node is not clustered or has not joined.
     */
    public void leaveCluster() {
        if (fabric != null && joined.get() && left.compareAndSet(false, true)) {
            fabric.leave();
        }
    }

    /**
     * The URL announced to peers and clients: the cluster's advertised URL when set, else
     * {@link #url()} with the host's address in place of a wildcard listener address.
     */
    String advertisedUrl() {
        String configured = config.cluster().advertisedUrl();
        if (configured != null) {
            return configured;
        }
        String host = config.host();
        if ("0.0.0.0".equals(host) || "::".equals(host)) {
            host = localAddress();
        } else if (host.contains(":")) {
            host = "[" + host + "]";
        }
        return (secure ? "wss://" : "ws://") + host + ":" + port() + "/mpreg";
    }

    /**
     * Counters of the node's connections (open, frames, oversize and idle closes), on its own
     * listener or on its {@link #endpoint()}.
     */
    public TransportStats transportStats() {
        return server != null ? server.stats() : endpoint().stats();
    }

    /** Stops the listener, closing its connections, then the blocking pool. Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            leaveCluster();
            (server != null ? server.closeGracefully(CLOSE_WAIT) : endpoint().closeGracefully(CLOSE_WAIT))
                    .block(CLOSE_WAIT.plusSeconds(3));
        } finally {
            if (fabric != null) {
                fabric.close();
            }
            blocking.close();
            log.info("Node '{}' stopped", config.name());
        }
    }

    private static String localAddress() {
        try {
            return InetAddress.getLocalHost().getHostAddress();
        } catch (UnknownHostException e) {
            log.warn("cannot find this host's address ({}); advertising 127.0.0.1: set the cluster's advertised URL",
                    e.getMessage());
            return "127.0.0.1";
        }
    }

    private BoundServer requireServer() {
        if (server == null) {
            throw new IllegalStateException("node '" + config.name() + "' has no listener of its own (listen=false)");
        }
        return server;
    }
}
