package io.mpreg.core.function;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.mpreg.core.error.ErrorKind;
import io.mpreg.core.error.MpregException;
import io.mpreg.core.rpc.RequestContext;
import io.mpreg.core.wire.CommandSpec;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.StringNode;

class LocalCommandRunnerTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final RequestContext CONTEXT = new RequestContext("u1", Instant.EPOCH);

    private final JsonMapper mapper = JsonMapper.builder().build();
    private final FunctionRegistry registry = new FunctionRegistry();
    private final LocalCommandRunner runner = new LocalCommandRunner(registry, Set.of("cpu", "eu"));

    LocalCommandRunnerTest() {
        BuiltinFunctions.registerInto(registry);
        registry.register(FunctionDescriptor.of("train").withResources("gpu"),
                (args, kwargs) -> Mono.just(StringNode.valueOf("trained")));
    }

    @Test
    void aCommandWithoutLocsRunsAnyRegisteredFunction() {
        StepVerifier.create(runner.run(command("echo", List.of(), "hi"), CONTEXT))
                .expectNext(StringNode.valueOf("hi")).expectComplete().verify(WAIT);
    }

    @Test
    void aCommandRunsWhenTheNodeAndFunctionResourcesTogetherCoverItsLocs() {
        StepVerifier.create(runner.run(command("train", List.of("gpu", "eu")), CONTEXT))
                .expectNext(StringNode.valueOf("trained")).expectComplete().verify(WAIT);
        assertThat(runner.offers("train", List.of("gpu", "cpu", "eu"))).isTrue();
        assertThat(runner.offers("echo", List.of("cpu"))).isTrue();
    }

    @Test
    void aFunctionsOwnResourcesAreNotOfferedWithOtherFunctions() {
        assertThat(runner.offers("echo", List.of("gpu"))).isFalse();
    }

    @Test
    void aMissingResourceIsFunctionNotFoundWithDetails() {
        MpregException failure = failure(command("echo", List.of("gpu")));

        assertThat(failure.kind()).isEqualTo(ErrorKind.FUNCTION_NOT_FOUND);
        assertThat(failure).hasMessage("no node offers 'echo' with resources [gpu]");
        assertThat(failure.details()).isEqualTo(mapper.readTree(
                "{\"command\": \"|c\", \"fun\": \"echo\", \"locs\": [\"gpu\"]}"));
    }

    @Test
    void anUnknownFunctionIsFunctionNotFound() {
        MpregException failure = failure(command("ech0", List.of()));

        assertThat(failure.kind()).isEqualTo(ErrorKind.FUNCTION_NOT_FOUND);
        assertThat(failure).hasMessage("no node offers 'ech0'");
    }

    @Test
    void anInvokerThatThrowsInsteadOfReturningAMonoStillFailsTheMono() {
        registry.register(FunctionDescriptor.of("rude"), (args, kwargs) -> {
            throw new IllegalStateException("thrown");
        });

        StepVerifier.create(runner.run(command("rude", List.of()), CONTEXT)).expectErrorMessage("thrown").verify(WAIT);
    }

    private MpregException failure(CommandSpec command) {
        Throwable[] failure = new Throwable[1];
        StepVerifier.create(runner.run(command, CONTEXT)).expectErrorSatisfies(e -> failure[0] = e).verify(WAIT);
        return (MpregException) failure[0];
    }

    private static CommandSpec command(String fun, List<String> locs, String... args) {
        List<JsonNode> argNodes = java.util.Arrays.stream(args).map(a -> (JsonNode) StringNode.valueOf(a)).toList();
        return new CommandSpec("|c", fun, argNodes, Map.of(), locs);
    }
}
