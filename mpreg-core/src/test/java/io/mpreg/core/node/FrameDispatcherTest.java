package io.mpreg.core.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import io.mpreg.core.function.BuiltinFunctions;
import io.mpreg.core.function.FunctionDescriptor;
import io.mpreg.core.function.FunctionRegistry;
import io.mpreg.core.function.LocalCommandRunner;
import io.mpreg.core.rpc.RpcService;
import io.mpreg.core.transport.ConnectionInfo;
import io.mpreg.core.wire.WireCodec;
import io.mpreg.core.wire.WireMessage;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.StringNode;

class FrameDispatcherTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final ConnectionInfo CONNECTION = new ConnectionInfo("c1", "127.0.0.1:5000");
    private static final int CROWD = 1_000;

    private final JsonMapper mapper = JsonMapper.builder().build();
    private final WireCodec codec = WireCodec.rpc(mapper);
    private final FunctionRegistry registry = new FunctionRegistry();
    /** Completes once every one of {@link #CROWD} requests has started: proof that they are all in flight at once. */
    private final CompletableFuture<JsonNode> everyoneArrived = new CompletableFuture<>();
    private final AtomicInteger arrived = new AtomicInteger();
    private final FrameDispatcher dispatcher;

    FrameDispatcherTest() {
        BuiltinFunctions.registerInto(registry);
        registry.register(FunctionDescriptor.of("gather"), (args, kwargs) -> Mono.defer(() -> {
            if (arrived.incrementAndGet() == CROWD) {
                everyoneArrived.complete(StringNode.valueOf("all here"));
            }
            return Mono.fromFuture(everyoneArrived).map(all -> args.get(0));
        }));
        registry.register(FunctionDescriptor.of("hang"), (args, kwargs) -> Mono.never());
        RpcService rpc = new RpcService(new LocalCommandRunner(registry, Set.of()), Clock.systemUTC(),
                Duration.ofSeconds(30), Duration.ofSeconds(60));
        dispatcher = new FrameDispatcher(codec, rpc);
    }

    @Test
    void aRequestIsAnsweredWithItsResults() {
        StepVerifier.create(dispatcher.handle(CONNECTION, Flux.just(
                        "{\"role\": \"rpc\", \"u\": \"1\", \"cmds\": [{\"name\": \"a\", \"fun\": \"echo\", \"args\": [5]}]}")))
                .assertNext(reply -> assertThat(json(reply)).isEqualTo(json(
                        "{\"role\": \"rpc-response\", \"u\": \"1\", \"r\": {\"a\": 5}, \"error\": null}")))
                .expectComplete()
                .verify(WAIT);
    }

    @Test
    void garbageFramesAreAnsweredMalformedAndTheConnectionGoesOnServing() {
        List<String> replies = dispatcher.handle(CONNECTION, Flux.concat(
                Flux.just("not json at all", "", "[1,2]", "{\"role\": \"rpc\", \"u\": \"bad\", \"cmds\": \"x\"}"),
                Flux.just("{\"role\": \"rpc\", \"u\": \"good\", \"cmds\": [{\"name\": \"a\", \"fun\": \"echo\", \"args\": [1]}]}")))
                .collectList().block(WAIT);

        assertThat(replies).hasSize(5);
        assertThat(replies.subList(0, 3)).allSatisfy(reply -> {
            assertThat(json(reply).get("u").isNull()).isTrue();
            assertThat(json(reply).get("error").get("code").intValue()).isEqualTo(1005);
        });
        assertThat(json(replies.get(3)).get("u").stringValue()).isEqualTo("bad");
        assertThat(json(replies.get(3)).get("error").get("message").stringValue()).contains("'cmds'");
        assertThat(json(replies.get(4)).get("r")).isEqualTo(json("{\"a\": 1}"));
    }

    @Test
    void anUnknownRoleIsAnsweredUnknownRoleWithItsU() {
        String reply = dispatcher.handle(CONNECTION, Flux.just("{\"role\": \"teleport\", \"u\": \"t1\"}"))
                .blockFirst(WAIT);

        assertThat(json(reply).get("u").stringValue()).isEqualTo("t1");
        assertThat(json(reply).get("error").get("code").intValue()).isEqualTo(1000);
        assertThat(json(reply).get("error").get("kind").stringValue()).isEqualTo("UNKNOWN_ROLE");
    }

    @Test
    void aReplyFrameSentToANodeIsAnsweredUnknownRole() {
        String reply = dispatcher.handle(CONNECTION, Flux.just(
                "{\"role\": \"rpc-response\", \"u\": \"r1\", \"r\": {}, \"error\": null}")).blockFirst(WAIT);

        assertThat(json(reply).get("u").stringValue()).isEqualTo("r1");
        assertThat(json(reply).get("error").get("kind").stringValue()).isEqualTo("UNKNOWN_ROLE");
        assertThat(json(reply).get("error").get("message").stringValue()).contains("'rpc-response'");
    }

    @Test
    void aThousandRequestsOnOneConnectionAreInFlightTogetherAndAllAnsweredByTheirU() {
        Flux<String> frames = Flux.range(0, CROWD).map(i -> "{\"role\": \"rpc\", \"u\": \"req-" + i
                + "\", \"cmds\": [{\"name\": \"g\", \"fun\": \"gather\", \"args\": [" + i + "]}]}");

        List<String> replies = dispatcher.handle(CONNECTION, frames).collectList().block(WAIT);

        assertThat(replies).hasSize(CROWD);
        Set<String> answered = new HashSet<>();
        for (String reply : replies) {
            JsonNode node = json(reply);
            String u = node.get("u").stringValue();
            assertThat(node.get("r").get("g").intValue()).isEqualTo(Integer.parseInt(u.substring("req-".length())));
            answered.add(u);
        }
        assertThat(answered).hasSize(CROWD);
    }

    @Test
    void requestsBeyondTheInFlightLimitAreAnsweredOverloadedAtOnce() {
        Sinks.Many<String> inbound = Sinks.many().unicast().onBackpressureBuffer();
        String hang = "{\"role\": \"rpc\", \"u\": \"%s\", \"cmds\": [{\"name\": \"h\", \"fun\": \"hang\"}]}";

        StepVerifier.create(dispatcher.withMaxInFlight(2).handle(CONNECTION, inbound.asFlux()))
                .then(() -> {
                    inbound.tryEmitNext(hang.formatted("1"));
                    inbound.tryEmitNext(hang.formatted("2"));
                    inbound.tryEmitNext(hang.formatted("3"));
                })
                .assertNext(reply -> {
                    assertThat(json(reply).get("u").stringValue()).isEqualTo("3");
                    assertThat(json(reply).get("error").get("kind").stringValue()).isEqualTo("OVERLOADED");
                })
                .thenCancel()
                .verify(WAIT);
    }

    @Test
    void addedRolesAreServedByTheirHandlers() {
        WireCodec withPing = codec.withRole("ping", (frame, fields) -> new Ping(fields.requireU()));
        FrameDispatcher pinging = new FrameDispatcher(withPing, new RpcService(
                new LocalCommandRunner(registry, Set.of()), Clock.systemUTC(), Duration.ofSeconds(1), Duration.ofSeconds(1)))
                .withHandler("ping", (message, connection) -> Flux.just(new Ping("pong-" + message.u())));

        String reply = pinging.handle(CONNECTION, Flux.just("{\"role\": \"ping\", \"u\": \"p1\"}")).blockFirst(WAIT);

        assertThat(json(reply)).isEqualTo(json("{\"role\": \"ping\", \"u\": \"pong-p1\"}"));
        assertThatThrownBy(() -> pinging.withHandler("ping", (message, connection) -> Flux.empty()))
                .hasMessageContaining("'ping' already has a handler");
    }

    @Test
    void rolesThatMayReachUserCodeAreServedOnTheSchedulerInArrivalOrder() {
        List<String> frames = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            frames.add("{\"role\": \"ping\", \"u\": \"p" + i + "\"}");
        }
        List<String> served = new CopyOnWriteArrayList<>();
        FrameDispatcher pinging = pingDispatcher(new RoleHandler() {
            @Override
            public Flux<WireMessage> handle(WireMessage message, ConnectionInfo connection) {
                served.add(message.u() + "@" + Thread.currentThread().getName());
                return Flux.just(new Ping("pong-" + message.u()));
            }
        });

        List<String> replies = pinging.handle(CONNECTION, Flux.fromIterable(frames)).collectList().block(WAIT);

        assertThat(replies).hasSize(200);
        assertThat(served).allSatisfy(entry -> assertThat(entry).contains("@parallel-"));
        assertThat(served).extracting(entry -> entry.substring(0, entry.indexOf('@')))
                .containsExactlyElementsOf(frames.stream().map(frame -> json(frame).get("u").stringValue()).toList());
    }

    @Test
    void rolesThatServeWhereReadAreServedOnTheReadingThread() {
        List<String> servedOn = new CopyOnWriteArrayList<>();
        FrameDispatcher pinging = pingDispatcher(new RoleHandler() {
            @Override
            public Flux<WireMessage> handle(WireMessage message, ConnectionInfo connection) {
                servedOn.add(Thread.currentThread().getName());
                return Flux.just(new Ping("pong-" + message.u()));
            }

            @Override
            public boolean servesWhereRead() {
                return true;
            }
        });
        Sinks.Many<String> inbound = Sinks.many().unicast().onBackpressureBuffer();
        List<String> replies = new CopyOnWriteArrayList<>();
        pinging.handle(CONNECTION, inbound.asFlux()).subscribe(replies::add);

        Thread reader = new Thread(() -> inbound.tryEmitNext("{\"role\": \"ping\", \"u\": \"p1\"}"), "frame-reader");
        reader.start();

        await().atMost(WAIT).until(() -> replies.size() == 1);
        assertThat(servedOn).containsExactly("frame-reader");
    }

    @Test
    void rpcRequestsAreServedOnTheReadingThread() {
        registry.register(FunctionDescriptor.of("thread"), (args, kwargs) ->
                Mono.fromCallable(() -> StringNode.valueOf(Thread.currentThread().getName())));
        Sinks.Many<String> inbound = Sinks.many().unicast().onBackpressureBuffer();
        List<String> replies = new CopyOnWriteArrayList<>();
        dispatcher.handle(CONNECTION, inbound.asFlux()).subscribe(replies::add);

        Thread reader = new Thread(() -> inbound.tryEmitNext(
                "{\"role\": \"rpc\", \"u\": \"t1\", \"cmds\": [{\"name\": \"t\", \"fun\": \"thread\"}]}"),
                "frame-reader");
        reader.start();

        await().atMost(WAIT).until(() -> replies.size() == 1);
        assertThat(json(replies.get(0)).get("r").get("t").stringValue()).isEqualTo("frame-reader");
    }

    @Test
    void aFailingHandlerIsAnsweredWithAnInternalErrorCarryingTheU() {
        WireCodec withPing = codec.withRole("ping", (frame, fields) -> new Ping(fields.requireU()));
        FrameDispatcher failing = new FrameDispatcher(withPing, new RpcService(
                new LocalCommandRunner(registry, Set.of()), Clock.systemUTC(), Duration.ofSeconds(1), Duration.ofSeconds(1)))
                .withHandler("ping", (message, connection) -> {
                    throw new IllegalStateException("handler bug");
                });

        String reply = failing.handle(CONNECTION, Flux.just("{\"role\": \"ping\", \"u\": \"p1\"}")).blockFirst(WAIT);

        assertThat(json(reply).get("u").stringValue()).isEqualTo("p1");
        assertThat(json(reply).get("error").get("code").intValue()).isEqualTo(1002);
    }

    @Test
    void anInvalidInFlightLimitIsRejected() {
        assertThatThrownBy(() -> dispatcher.withMaxInFlight(0)).isInstanceOf(IllegalArgumentException.class);
    }

    private FrameDispatcher pingDispatcher(RoleHandler handler) {
        WireCodec withPing = codec.withRole("ping", (frame, fields) -> new Ping(fields.requireU()));
        return new FrameDispatcher(withPing, new RpcService(new LocalCommandRunner(registry, Set.of()),
                Clock.systemUTC(), Duration.ofSeconds(1), Duration.ofSeconds(1))).withHandler("ping", handler);
    }

    private record Ping(@Nullable String u) implements WireMessage {
        @Override
        public String role() {
            return "ping";
        }

        @Override
        public void writeTo(JsonGenerator generator) {
            generator.writeStartObject();
            generator.writeStringProperty("role", "ping");
            generator.writeStringProperty("u", u);
            generator.writeEndObject();
        }
    }

    private JsonNode json(String text) {
        return mapper.readTree(text);
    }
}
