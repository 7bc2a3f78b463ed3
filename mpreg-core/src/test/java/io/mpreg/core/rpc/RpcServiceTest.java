package io.mpreg.core.rpc;

import static io.mpreg.core.rpc.Commands.command;
import static io.mpreg.core.rpc.Commands.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import io.mpreg.core.error.ErrorKind;
import io.mpreg.core.function.BuiltinFunctions;
import io.mpreg.core.function.FunctionDescriptor;
import io.mpreg.core.function.FunctionRegistry;
import io.mpreg.core.function.LocalCommandRunner;
import io.mpreg.core.wire.CommandSpec;
import io.mpreg.core.wire.RpcRequest;
import io.mpreg.core.wire.RpcResponse;
import io.mpreg.core.wire.WireCodec;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;

class RpcServiceTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private final FunctionRegistry registry = new FunctionRegistry();
    private final AtomicBoolean hangCancelled = new AtomicBoolean();
    private final List<RequestContext> contexts = new ArrayList<>();

    RpcServiceTest() {
        BuiltinFunctions.registerInto(registry);
        registry.register(FunctionDescriptor.of("hang"),
                (args, kwargs) -> Mono.<JsonNode>never().doOnCancel(() -> hangCancelled.set(true)));
    }

    private RpcService service(Duration defaultTimeout, Duration maxTimeout) {
        LocalCommandRunner local = new LocalCommandRunner(registry, Set.of());
        CommandRunner recording = (command, context) -> {
            contexts.add(context);
            return local.run(command, context);
        };
        return new RpcService(recording, CLOCK, defaultTimeout, maxTimeout);
    }

    private final RpcService service = service(Duration.ofSeconds(30), Duration.ofSeconds(60));

    @Test
    void theProtocolsThreeCommandExampleGetsTheProtocolsReply() {
        WireCodec codec = WireCodec.rpc(Commands.MAPPER);
        RpcRequest request = (RpcRequest) codec.decode("""
                {"role": "rpc", "u": "01J", "cmds": [
                  {"name": "|first",  "fun": "echo",  "args": ["hi there!"], "kwargs": {}, "locs": []},
                  {"name": "|second", "fun": "echo",  "args": ["|first"],    "locs": []},
                  {"name": "|third",  "fun": "echos", "args": ["|first", "AND ME TOO"], "locs": []}
                ], "timeout": 30.0}""");

        RpcResponse response = service.handle(request).block(WAIT);

        assertThat(json(codec.encode(response))).isEqualTo(json("""
                {"role": "rpc-response", "u": "01J",
                 "r": {"|second": "hi there!", "|third": ["hi there!", "AND ME TOO"]}, "error": null}"""));
    }

    @Test
    void aRequestThatRunsOutOfTimeIsAnsweredTimeoutAndItsCommandsAreCancelled() {
        StepVerifier.withVirtualTime(() -> service.handle(request(5.0, command("h", "hang", "[]"))))
                .expectSubscription()
                .expectNoEvent(Duration.ofMillis(4_999))
                .thenAwait(Duration.ofMillis(1))
                .assertNext(response -> {
                    assertThat(response.u()).isEqualTo("u1");
                    assertThat(response.r()).isNull();
                    assertThat(response.error().code()).isEqualTo(1004);
                    assertThat(response.error().kind()).isEqualTo("TIMEOUT");
                    assertThat(response.error().details()).isEqualTo(json("{\"timeout\": 5.0}"));
                })
                .expectComplete()
                .verify(WAIT);
        assertThat(hangCancelled).isTrue();
    }

    @Test
    void aRequestWithoutTimeoutGetsTheDefaultAndNoRequestExceedsTheMaximum() {
        assertThat(service.timeoutOf(request(null))).isEqualTo(Duration.ofSeconds(30));
        assertThat(service.timeoutOf(request(2.5))).isEqualTo(Duration.ofMillis(2_500));
        assertThat(service.timeoutOf(request(3600.0))).isEqualTo(Duration.ofSeconds(60));
        assertThat(service.timeoutOf(request(1e300))).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void theDefaultTimeoutAppliesWithVirtualTime() {
        StepVerifier.withVirtualTime(() -> service.handle(request(null, command("h", "hang", "[]"))))
                .expectSubscription()
                .thenAwait(Duration.ofSeconds(30))
                .assertNext(response -> assertThat(response.error().kind()).isEqualTo("TIMEOUT"))
                .expectComplete()
                .verify(WAIT);
    }

    @Test
    void commandsCarryTheRequestIdAndItsDeadlineFromTheClock() {
        service.handle(request(2.0, command("a", "echo", "[1]"))).block(WAIT);

        assertThat(contexts).containsExactly(new RequestContext("u1", NOW.plusSeconds(2)));
    }

    @Test
    void planningFailuresAreAnsweredBeforeAnythingRuns() {
        RpcResponse cycle = service.handle(request(null,
                command("a", "echo", "[\"b\"]"), command("b", "echo", "[\"a\"]"))).block(WAIT);
        RpcResponse duplicate = service.handle(request(null,
                command("a", "echo", "[1]"), command("a", "echo", "[2]"))).block(WAIT);

        assertThat(cycle.error().kind()).isEqualTo(ErrorKind.CYCLE.name());
        assertThat(duplicate.error().kind()).isEqualTo(ErrorKind.DUPLICATE_NAME.name());
        assertThat(contexts).isEmpty();
    }

    @Test
    void aFailingCommandIsAnsweredWithItsErrorNamingIt() {
        RpcResponse response = service.handle(request(null,
                new CommandSpec("|x", "ech0", List.of(), java.util.Map.of(), List.of("gpu")))).block(WAIT);

        assertThat(response.error().code()).isEqualTo(1001);
        assertThat(response.error().message()).isEqualTo("no node offers 'ech0' with resources [gpu]");
        assertThat(response.error().details()).isEqualTo(json(
                "{\"command\": \"|x\", \"fun\": \"ech0\", \"locs\": [\"gpu\"]}"));
    }

    @Test
    void anUnexpectedFaultIsAnsweredInternal() {
        RpcService broken = new RpcService((command, context) -> {
            throw new IllegalStateException("bug");
        }, CLOCK, Duration.ofSeconds(1), Duration.ofSeconds(1));

        RpcResponse response = broken.handle(request(null, command("a", "f", "[]"))).block(WAIT);

        assertThat(response.error().code()).isEqualTo(1002);
        assertThat(response.error().details()).isEqualTo(json("{\"command\": \"a\"}"));
    }

    @Test
    void anEmptyRequestIsAnsweredWithNoResults() {
        assertThat(service.handle(request(null)).block(WAIT).r()).isEmpty();
    }

    @Test
    void invalidTimeoutsAreRejectedAtConstruction() {
        assertThatThrownBy(() -> service(Duration.ZERO, Duration.ofSeconds(1))).hasMessageContaining("defaultTimeout");
        assertThatThrownBy(() -> service(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .hasMessageContaining("must not exceed");
    }

    private static RpcRequest request(@Nullable Double timeout, CommandSpec... commands) {
        return new RpcRequest("u1", List.of(commands), timeout);
    }
}
