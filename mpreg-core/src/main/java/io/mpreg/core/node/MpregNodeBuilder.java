package io.mpreg.core.node;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.function.BiFunction;

import javax.net.ssl.KeyManagerFactory;

import io.mpreg.core.fabric.ClusterSettings;
import io.mpreg.core.function.BlockingExecutor;
import io.mpreg.core.function.BuiltinFunctions;
import io.mpreg.core.rpc.CommandObserver;
import io.mpreg.core.function.FunctionDescriptor;
import io.mpreg.core.function.FunctionInvoker;
import io.mpreg.core.function.MethodInvokers;
import io.mpreg.core.pubsub.PubSubConfig;
import io.mpreg.core.wire.WireCodec;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * Assembles an {@link MpregNode}. Every setter checks its value at once and
 * says what is wrong; {@link #start()} builds the node and opens its listener.
 *
 * <pre>{@code
 * MpregNode node = MpregNode.builder()
 *         .name("worker-1").host("127.0.0.1").port(0).resources("gpu")
 *         .methods(new MathFunctions())
 *         .start();
 * }</pre>
 */
public final class MpregNodeBuilder {

    /** A function to register once the node's mapper and blocking pool exist. */
    record PendingFunction(FunctionDescriptor descriptor,
                           BiFunction<JsonMapper, BlockingExecutor, FunctionInvoker> invoker) {
    }

    private MpregNodeConfig config = MpregNodeConfig.defaults();
    private PubSubConfig pubSubConfig = PubSubConfig.defaults();
    private JsonMapper mapper = WireCodec.defaultMapper();
    private Clock clock = Clock.systemUTC();
    private Random random = new Random();
    private CommandObserver observer = CommandObserver.NONE;
    private @Nullable KeyManagerFactory tls;
    private final List<PendingFunction> functions = new ArrayList<>();
    private final Set<String> functionNames = new HashSet<>(
            Set.of(BuiltinFunctions.ECHO, BuiltinFunctions.ECHOS, ClusterIntrospection.DESCRIPTOR.name()));

    MpregNodeBuilder() {
    }

    /** Replaces the whole configuration. */
    public MpregNodeBuilder config(MpregNodeConfig nodeConfig) {
        this.config = Objects.requireNonNull(nodeConfig, "nodeConfig");
        return this;
    }

    /** The node's name. */
    public MpregNodeBuilder name(String name) {
        return with(name, config.host(), config.port(), config.resources(), config.maxFrameSize(),
                config.defaultRequestTimeout(), config.maxRequestTimeout(), config.blockingPoolSize(),
                config.blockingQueueCapacity(), config.listen());
    }

    /** The interface the listener binds. */
    public MpregNodeBuilder host(String host) {
        return with(config.name(), host, config.port(), config.resources(), config.maxFrameSize(),
                config.defaultRequestTimeout(), config.maxRequestTimeout(), config.blockingPoolSize(),
                config.blockingQueueCapacity(), config.listen());
    }

    /** The listener's port; 0 picks a free one (read it back with {@link MpregNode#port()}). */
    public MpregNodeBuilder port(int port) {
        return with(config.name(), config.host(), port, config.resources(), config.maxFrameSize(),
                config.defaultRequestTimeout(), config.maxRequestTimeout(), config.blockingPoolSize(),
                config.blockingQueueCapacity(), config.listen());
    }

    /** The resource tags this node offers. */
    public MpregNodeBuilder resources(String... resources) {
        return with(config.name(), config.host(), config.port(), Set.copyOf(Arrays.asList(resources)),
                config.maxFrameSize(), config.defaultRequestTimeout(), config.maxRequestTimeout(),
                config.blockingPoolSize(), config.blockingQueueCapacity(), config.listen());
    }

    /** The largest frame accepted from a client, in bytes. */
    public MpregNodeBuilder maxFrameSize(int bytes) {
        return with(config.name(), config.host(), config.port(), config.resources(), bytes,
                config.defaultRequestTimeout(), config.maxRequestTimeout(), config.blockingPoolSize(),
                config.blockingQueueCapacity(), config.listen());
    }

    /** The bound of requests that give none, and the bound no request may exceed. */
    public MpregNodeBuilder requestTimeouts(Duration defaultTimeout, Duration maxTimeout) {
        return with(config.name(), config.host(), config.port(), config.resources(), config.maxFrameSize(),
                defaultTimeout, maxTimeout, config.blockingPoolSize(), config.blockingQueueCapacity(),
                config.listen());
    }

    /** How many blocking calls run at once, and how many may wait before calls are refused as overloaded. */
    public MpregNodeBuilder blockingPool(int size, int queueCapacity) {
        return with(config.name(), config.host(), config.port(), config.resources(), config.maxFrameSize(),
                config.defaultRequestTimeout(), config.maxRequestTimeout(), size, queueCapacity, config.listen());
    }

    /** How often the listener pings each connection, and how long a silent one is kept. */
    public MpregNodeBuilder keepAlive(Duration pingInterval, Duration idleTimeout) {
        this.config = new MpregNodeConfig(config.name(), config.host(), config.port(), config.resources(),
                config.maxFrameSize(), config.defaultRequestTimeout(), config.maxRequestTimeout(),
                config.blockingPoolSize(), config.blockingQueueCapacity(), pingInterval, idleTimeout, config.listen(),
                config.cluster());
        return this;
    }

    /**
     * Makes the node a member of a cluster (see {@link ClusterSettings}); checked against the rest of the
     * configuration at once (a node without a listener needs an advertised URL).
     */
    public MpregNodeBuilder cluster(ClusterSettings settings) {
        Objects.requireNonNull(settings, "settings");
        this.config = new MpregNodeConfig(config.name(), config.host(), config.port(), config.resources(),
                config.maxFrameSize(), config.defaultRequestTimeout(), config.maxRequestTimeout(),
                config.blockingPoolSize(), config.blockingQueueCapacity(), config.pingInterval(),
                config.idleTimeout(), config.listen(), settings);
        return this;
    }

    /** The random source of routing choices and cluster timers (seed it to replay a run). */
    public MpregNodeBuilder random(Random nodeRandom) {
        this.random = Objects.requireNonNull(nodeRandom, "nodeRandom");
        return this;
    }

    /** Whether the node opens its own listener (off when another endpoint serves its connection handler). */
    public MpregNodeBuilder listen(boolean listen) {
        return with(config.name(), config.host(), config.port(), config.resources(), config.maxFrameSize(),
                config.defaultRequestTimeout(), config.maxRequestTimeout(), config.blockingPoolSize(),
                config.blockingQueueCapacity(), listen);
    }

    /** The settings of the node's pub/sub exchange (backlog, slow subscribers, match cache). */
    public MpregNodeBuilder pubSub(PubSubConfig exchangeConfig) {
        this.pubSubConfig = Objects.requireNonNull(exchangeConfig, "exchangeConfig");
        return this;
    }

    /** The mapper that reads arguments and writes results of method functions and frames. */
    public MpregNodeBuilder mapper(JsonMapper jsonMapper) {
        this.mapper = Objects.requireNonNull(jsonMapper, "jsonMapper");
        return this;
    }

    /** Hears of every command the node runs itself (for metrics and traces). */
    public MpregNodeBuilder commandObserver(CommandObserver commandObserver) {
        this.observer = Objects.requireNonNull(commandObserver, "commandObserver");
        return this;
    }

    /** The clock that stamps request deadlines, published messages and the backlog. */
    public MpregNodeBuilder clock(Clock nodeClock) {
        this.clock = Objects.requireNonNull(nodeClock, "nodeClock");
        return this;
    }

    /** Serves the node's own listener over TLS ({@code wss://}) with this key and certificate chain. */
    public MpregNodeBuilder tls(KeyManagerFactory keyManagers) {
        this.tls = Objects.requireNonNull(keyManagers, "keyManagers");
        return this;
    }

    /** Registers a function with its own invoker. */
    public MpregNodeBuilder function(FunctionDescriptor descriptor, FunctionInvoker invoker) {
        Objects.requireNonNull(invoker, "invoker");
        return add(descriptor, (jsonMapper, blocking) -> invoker);
    }

    /**
     * Registers one method as a function. A method returning {@code Mono},
     * {@code Flux} or {@code CompletionStage} runs where it is called; any
     * other runs on the node's blocking pool.
     *
     * @param target the object to call it on; {@code null} for a static method
     */
    public MpregNodeBuilder method(FunctionDescriptor descriptor, @Nullable Object target, Method method) {
        Objects.requireNonNull(method, "method");
        return add(descriptor, (jsonMapper, blocking) -> MethodInvokers.forMethod(target, method, jsonMapper, blocking));
    }

    /**
     * Registers every public method of the object's class (those inherited
     * from {@code Object} aside) as a function named after the method.
     *
     * @throws IllegalArgumentException if two of them share a name (overloads)
     *                                  or a name is already registered
     */
    public MpregNodeBuilder methods(Object target) {
        Objects.requireNonNull(target, "target");
        Set<String> seen = new HashSet<>();
        for (Method method : target.getClass().getMethods()) {
            if (method.getDeclaringClass() == Object.class || method.isSynthetic() || method.isBridge()) {
                continue;
            }
            if (!seen.add(method.getName())) {
                throw new IllegalArgumentException(target.getClass().getName() + " has several public methods named '"
                        + method.getName() + "'; register the one meant with method(...)");
            }
            Object receiver = Modifier.isStatic(method.getModifiers()) ? null : target;
            method(FunctionDescriptor.of(method.getName()), receiver, method);
        }
        return this;
    }

    /** Builds the node and starts it: functions registered, listener bound (if on). */
    public MpregNode start() {
        return MpregNode.start(config, pubSubConfig, mapper, clock, random, observer, tls, List.copyOf(functions));
    }

    private MpregNodeBuilder add(FunctionDescriptor descriptor,
                                 BiFunction<JsonMapper, BlockingExecutor, FunctionInvoker> invoker) {
        Objects.requireNonNull(descriptor, "descriptor");
        if (!functionNames.add(descriptor.name())) {
            throw new IllegalArgumentException("a function named '" + descriptor.name() + "' is already registered");
        }
        functions.add(new PendingFunction(descriptor, invoker));
        return this;
    }

    private MpregNodeBuilder with(String name, String host, int port, Set<String> resources, int maxFrameSize,
                                  Duration defaultTimeout, Duration maxTimeout, int poolSize, int queueCapacity,
                                  boolean listen) {
        this.config = new MpregNodeConfig(name, host, port, resources, maxFrameSize, defaultTimeout, maxTimeout,
                poolSize, queueCapacity, config.pingInterval(), config.idleTimeout(), listen, config.cluster());
        return this;
    }
}
