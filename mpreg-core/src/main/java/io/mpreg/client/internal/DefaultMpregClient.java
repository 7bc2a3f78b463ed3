package io.mpreg.client.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeoutException;

import com.github.f4b6a3.ulid.UlidCreator;
import io.mpreg.client.BlockingMpregClient;
import io.mpreg.client.MpregClient;
import io.mpreg.client.RpcCommand;
import io.mpreg.core.error.ErrorKind;
import io.mpreg.core.error.MpregException;
import io.mpreg.core.pubsub.PubSubMessage;
import io.mpreg.core.pubsub.PubSubPublish;
import io.mpreg.core.pubsub.PubSubWire;
import io.mpreg.core.pubsub.TopicPattern;
import io.mpreg.core.wire.CommandSpec;
import io.mpreg.core.wire.RpcRequest;
import io.mpreg.core.wire.WireCodec;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.NullNode;

/** The client behind {@link MpregClient#connect(String...)} and its builder. */
public final class DefaultMpregClient implements MpregClient {

    private static final String SINGLE_COMMAND = "call";

    private final ClientSettings settings;
    private final JsonMapper mapper;
    private final NodeConnector connector;
    private final ClientSubscriptions subscriptions;
    private final BlockingMpregClient blocking;

    public DefaultMpregClient(ClientSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.mapper = settings.mapper();
        WireCodec codec = PubSubWire.register(WireCodec.rpc(mapper));
        this.subscriptions = new ClientSubscriptions(settings, DefaultMpregClient::newId,
                notifications -> new NodeConnector(settings, codec, notifications));
        this.connector = subscriptions.connector();
        this.blocking = new BlockingClient(this, settings.requestTimeout());
    }

    @Override
    public <T> Mono<T> call(String function, Class<T> resultType, @Nullable Object... args) {
        return call(RpcCommand.of(SINGLE_COMMAND, function, args), resultType);
    }

    @Override
    public <T> Mono<T> call(RpcCommand command, Class<T> resultType) {
        Objects.requireNonNull(resultType, "resultType");
        return single(command, mapper.constructType(resultType));
    }

    @Override
    public <T> Mono<T> call(RpcCommand command, TypeReference<T> resultType) {
        Objects.requireNonNull(resultType, "resultType");
        return single(command, mapper.constructType(resultType));
    }

    @Override
    public Mono<Map<String, @Nullable Object>> request(List<RpcCommand> commands) {
        return request(commands, settings.requestTimeout());
    }

    @Override
    public Mono<Map<String, @Nullable Object>> request(List<RpcCommand> commands, Duration timeout) {
        JavaType plain = mapper.constructType(Object.class);
        return exchange(commands, timeout).map(results -> {
            Map<String, @Nullable Object> values = new LinkedHashMap<>(results.size() * 2);
            results.forEach((name, node) -> values.put(name, convert(name, node, plain)));
            return Collections.unmodifiableMap(values);
        });
    }

    @Override
    public Mono<Void> publish(String topic, @Nullable Object payload) {
        return publish(topic, payload, Map.of());
    }

    @Override
    public Mono<Void> publish(String topic, @Nullable Object payload, Map<String, ?> headers) {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(headers, "headers");
        Duration wait = settings.requestTimeout();
        return Mono.defer(() -> {
                    String problem = TopicPattern.topicProblem(topic);
                    if (problem != null) {
                        return Mono.error(MpregException.of(ErrorKind.BAD_ARGUMENTS, "topic '" + topic + "' " + problem));
                    }
                    Map<String, JsonNode> headerJson = new LinkedHashMap<>(headers.size() * 2);
                    headers.forEach((name, value) -> headerJson.put(name, json("header '" + name + "'", value)));
                    String u = newId();
                    PubSubMessage message = new PubSubMessage(topic, json("the payload", payload), u, "", null,
                            headerJson);
                    return connector.exchange(session -> session.exchange(new PubSubPublish(u, message), u));
                })
                .timeout(wait, settings.scheduler())
                .onErrorMap(TimeoutException.class, e -> MpregException.of(ErrorKind.TIMEOUT,
                        "no ack of the publish on '" + topic + "' within " + wait))
                .flatMap(ClientSubscriptions::checkAck);
    }

    @Override
    public Flux<PubSubMessage> subscribe(String... patterns) {
        return subscribe(patterns(patterns), () -> { });
    }

    /** The messages matching the patterns; {@code onRegistered} runs whenever the node acknowledges the subscription. */
    Flux<PubSubMessage> subscribe(List<TopicPattern> patterns, Runnable onRegistered) {
        return subscriptions.subscribe(patterns, onRegistered);
    }

    static List<TopicPattern> patterns(String... patterns) {
        if (patterns.length == 0) {
            throw new IllegalArgumentException("at least one pattern is required");
        }
        List<TopicPattern> parsed = new ArrayList<>(patterns.length);
        for (String pattern : patterns) {
            parsed.add(TopicPattern.of(pattern));
        }
        return parsed;
    }

    @Override
    public BlockingMpregClient blocking() {
        return blocking;
    }

    @Override
    public void close() {
        connector.close();
    }

    private <T> Mono<T> single(RpcCommand command, JavaType type) {
        Objects.requireNonNull(command, "command");
        return exchange(List.of(command), settings.requestTimeout())
                .mapNotNull(results -> {
                    JsonNode result = results.get(command.name());
                    return result == null ? null : convert(command.name(), result, type);
                });
    }

    private Mono<Map<String, JsonNode>> exchange(List<RpcCommand> commands, Duration timeout) {
        Objects.requireNonNull(commands, "commands");
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            return Mono.error(new IllegalArgumentException("timeout must be positive but was " + timeout));
        }
        Duration wait = timeout.plus(ClientSettings.REPLY_GRACE);
        return Mono.defer(() -> {
                    RpcRequest request = new RpcRequest(newId(), specs(commands),
                            timeout.toNanos() / 1e9);
                    return connector.exchange(session -> session.exchange(request));
                })
                .timeout(wait, settings.scheduler())
                .onErrorMap(TimeoutException.class, e -> MpregException.of(ErrorKind.TIMEOUT,
                        "no reply within " + wait + " (request timeout " + timeout + ")"))
                .flatMap(response -> response.error() != null
                        ? Mono.error(response.error().toException())
                        : Mono.just(Objects.requireNonNull(response.r(), "r")));
    }

    private List<CommandSpec> specs(List<RpcCommand> commands) {
        List<CommandSpec> specs = new ArrayList<>(commands.size());
        for (RpcCommand command : commands) {
            List<JsonNode> args = new ArrayList<>(command.args().size());
            for (Object arg : command.args()) {
                args.add(toJson(command, arg));
            }
            Map<String, JsonNode> kwargs = new LinkedHashMap<>(command.kwargs().size() * 2);
            command.kwargs().forEach((key, value) -> kwargs.put(key, toJson(command, value)));
            specs.add(new CommandSpec(command.name(), command.fun(), args, kwargs, command.locs()));
        }
        return specs;
    }

    private static String newId() {
        return UlidCreator.getMonotonicUlid().toString();
    }

    private JsonNode json(String what, @Nullable Object value) {
        if (value == null) {
            return NullNode.getInstance();
        }
        try {
            return mapper.valueToTree(value);
        } catch (JacksonException e) {
            throw MpregException.of(ErrorKind.BAD_ARGUMENTS, what + " cannot be written as JSON: "
                    + e.getOriginalMessage());
        }
    }

    private JsonNode toJson(RpcCommand command, @Nullable Object value) {
        try {
            return mapper.valueToTree(value);
        } catch (JacksonException e) {
            throw MpregException.of(ErrorKind.BAD_ARGUMENTS, "an argument of command '" + command.name()
                    + "' cannot be written as JSON: " + e.getOriginalMessage());
        }
    }

    private <T> @Nullable T convert(String name, JsonNode result, JavaType type) {
        try {
            return mapper.convertValue(result, type);
        } catch (JacksonException | IllegalArgumentException e) {
            throw MpregException.of(ErrorKind.MALFORMED, "the result of '" + name + "' cannot be read as "
                    + type.toCanonical() + ": " + e.getMessage());
        }
    }
}
