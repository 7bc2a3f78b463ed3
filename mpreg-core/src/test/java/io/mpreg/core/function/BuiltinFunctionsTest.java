package io.mpreg.core.function;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.mpreg.core.error.ErrorKind;
import io.mpreg.core.error.MpregException;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class BuiltinFunctionsTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final JsonMapper mapper = JsonMapper.builder().build();
    private final FunctionRegistry registry = new FunctionRegistry();

    BuiltinFunctionsTest() {
        BuiltinFunctions.registerInto(registry);
    }

    @Test
    void echoReturnsItsArgumentGivenByPositionOrAsX() {
        JsonNode value = mapper.readTree("{\"a\": [1, null]}");

        StepVerifier.create(invoke("echo", List.of(value), Map.of())).expectNext(value).verifyComplete();
        StepVerifier.create(invoke("echo", List.of(), Map.of("x", value))).expectNext(value).verifyComplete();
    }

    @Test
    void echosReturnsTheListOfItsArguments() {
        StepVerifier.create(invoke("echos", List.of(mapper.readTree("\"a\""), mapper.readTree("2")), Map.of()))
                .expectNext(mapper.readTree("[\"a\", 2]")).verifyComplete();
        StepVerifier.create(invoke("echos", List.of(), Map.of())).expectNext(mapper.readTree("[]")).verifyComplete();
    }

    @Test
    void wrongArgumentsAreBadArguments() {
        StepVerifier.create(invoke("echo", List.of(), Map.of()))
                .expectErrorSatisfies(e -> assertThat(((MpregException) e).kind()).isEqualTo(ErrorKind.BAD_ARGUMENTS))
                .verify(WAIT);
        StepVerifier.create(invoke("echos", List.of(), Map.of("x", mapper.readTree("1"))))
                .expectErrorSatisfies(e -> assertThat(((MpregException) e).kind()).isEqualTo(ErrorKind.BAD_ARGUMENTS))
                .verify(WAIT);
    }

    @Test
    void builtinsAreDescribedAndIdempotent() {
        assertThat(registry.descriptors()).extracting(FunctionDescriptor::name).containsExactly("echo", "echos");
        assertThat(registry.descriptors()).allSatisfy(d -> assertThat(d.idempotent()).isTrue());
    }

    private reactor.core.publisher.Mono<JsonNode> invoke(String name, List<JsonNode> args, Map<String, JsonNode> kwargs) {
        return registry.find(name).orElseThrow().invoker().invoke(args, kwargs);
    }
}
