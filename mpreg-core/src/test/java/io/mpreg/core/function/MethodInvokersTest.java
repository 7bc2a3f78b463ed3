package io.mpreg.core.function;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.mpreg.core.error.ErrorKind;
import io.mpreg.core.error.MpregException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class MethodInvokersTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final JsonMapper mapper = JsonMapper.builder().build();
    private final BlockingExecutor blocking = BlockingExecutor.create(4, 16);
    private final InvokerFixtures fixtures = new InvokerFixtures();

    @AfterEach
    void closePool() {
        blocking.close();
    }

    @Test
    void positionalArgumentsAreConvertedToPrimitiveParameters() {
        assertThat(call("add", "[2, 3]", "{}")).isEqualTo(json("5"));
    }

    @Test
    void keywordArgumentsBindByParameterName() {
        assertThat(call("add", "[]", "{\"b\": 3, \"a\": 10}")).isEqualTo(json("13"));
        assertThat(call("greet", "[\"ann\"]", "{\"greeting\": \"hi\"}")).isEqualTo(json("\"hi ann\""));
    }

    @Test
    void aBoxedParameterAcceptsNull() {
        assertThat(call("greet", "[\"ann\", null]", "{}")).isEqualTo(json("\"hello ann\""));
    }

    @Test
    void genericCollectionsRecordsAndMapsAreConvertedWithTheirElementTypes() {
        assertThat(call("doubled", "[[1, 2, 3]]", "{}")).isEqualTo(json("[2, 4, 6]"));
        assertThat(call("sumOfPoints", "[[{\"x\": 1, \"y\": 2}, {\"x\": 3, \"y\": 4}]]", "{}")).isEqualTo(json("10"));
        assertThat(call("mirrored", "[{\"p\": {\"x\": 1, \"y\": 2}}]", "{}"))
                .isEqualTo(json("{\"p\": {\"x\": 2, \"y\": 1}}"));
    }

    @Test
    void pojosAreConvertedFromObjects() {
        assertThat(call("describe", "[{\"label\": \"crate\", \"size\": 3}]", "{}")).isEqualTo(json("\"crate:3\""));
    }

    @Test
    void recordResultsBecomeObjects() {
        assertThat(call("origin", "[]", "{}")).isEqualTo(json("{\"x\": 0, \"y\": 0}"));
    }

    @Test
    void aJsonNodeParameterReceivesTheRawNode() {
        assertThat(call("nodeType", "[{\"a\": [1]}]", "{}")).isEqualTo(json("\"OBJECT\""));
        assertThat(call("nodeType", "[null]", "{}")).isEqualTo(json("\"NULL\""));
        assertThat(call("fieldCount", "[{\"a\": 1, \"b\": 2}]", "{}")).isEqualTo(json("2"));
    }

    @Test
    void staticMethodsNeedNoTarget() throws NoSuchMethodException {
        FunctionInvoker invoker = MethodInvokers.forMethod(null, InvokerFixtures.class.getMethod("triple", int.class),
                mapper, blocking);

        StepVerifier.create(invoker.invoke(List.of(json("7")), Map.of())).expectNext(json("21")).verifyComplete();
    }

    @Test
    void varargsCollectTheRemainingPositionalArguments() {
        assertThat(call("sum", "[1, 2, 3, 4]", "{}")).isEqualTo(json("10"));
        assertThat(call("sum", "[]", "{}")).isEqualTo(json("0"));
    }

    @Test
    void voidAndNullResultsBecomeJsonNull() {
        assertThat(call("nothing", "[]", "{}")).isEqualTo(json("null"));
        assertThat(call("nothingToo", "[]", "{}")).isEqualTo(json("null"));
    }

    @Test
    void monoFluxAndCompletionStageResultsAreAwaited() {
        assertThat(call("upper", "[\"abc\"]", "{}")).isEqualTo(json("\"ABC\""));
        assertThat(call("silent", "[]", "{}")).isEqualTo(json("null"));
        assertThat(call("countTo", "[3]", "{}")).isEqualTo(json("[1, 2, 3]"));
        assertThat(call("later", "[41]", "{}")).isEqualTo(json("42"));
    }

    @Test
    void plainFunctionsRunOnTheBlockingPoolNeverOnAnEventLoopThread() {
        String ranOn = invoker("threadName").invoke(List.of(), Map.of())
                .subscribeOn(Schedulers.newSingle("reactor-http-nio")).block(WAIT).stringValue();

        assertThat(ranOn).startsWith("mpreg-fn-");
    }

    @Test
    void reactiveFunctionsRunWhereTheyAreCalled() {
        String ranOn = invoker("reactiveThreadName").invoke(List.of(), Map.of())
                .subscribeOn(Schedulers.newSingle("caller")).block(WAIT).stringValue();

        assertThat(ranOn).startsWith("caller");
    }

    @Test
    void aThrownExceptionBecomesFunctionFailedWithTypeAndMessageAndNoStackTrace() {
        MpregException failure = failure("fails", "[]", "{}");

        assertThat(failure.kind()).isEqualTo(ErrorKind.FUNCTION_FAILED);
        assertThat(failure.code()).isEqualTo(1003);
        assertThat(failure).hasMessage("fails threw IllegalStateException: boom");
        assertThat(failure.details()).isEqualTo(json(
                "{\"type\": \"java.lang.IllegalStateException\", \"message\": \"boom\"}"));
        assertThat(failure.getStackTrace()).isEmpty();
    }

    @Test
    void anExceptionWithoutMessageHasANullMessageInDetails() {
        MpregException failure = failure("failsWithoutMessage", "[]", "{}");

        assertThat(failure).hasMessage("failsWithoutMessage threw UnsupportedOperationException");
        assertThat(failure.details().get("message").isNull()).isTrue();
    }

    @Test
    void checkedReactiveAndStageFailuresAreFunctionFailedWithTheOriginalType() {
        assertThat(failure("failsChecked", "[]", "{}").details().get("type").stringValue())
                .isEqualTo("java.io.IOException");
        assertThat(failure("failsReactively", "[]", "{}").details().get("type").stringValue())
                .isEqualTo("java.lang.IllegalArgumentException");
        assertThat(failure("throwsBeforeReturningMono", "[]", "{}").details().get("message").stringValue())
                .isEqualTo("eager");
        assertThat(failure("laterFailing", "[]", "{}").details().get("message").stringValue())
                .isEqualTo("late failure");
    }

    @Test
    void anMpregExceptionThrownByTheFunctionKeepsItsKind() {
        MpregException failure = failure("forbidden", "[]", "{}");

        assertThat(failure.kind()).isEqualTo(ErrorKind.FORBIDDEN);
        assertThat(failure).hasMessage("not for you");
    }

    @Test
    void aResultThatCannotBeWrittenAsJsonIsAFunctionFailure() {
        MpregException failure = failure("unwritable", "[]", "{}");

        assertThat(failure.kind()).isEqualTo(ErrorKind.FUNCTION_FAILED);
        assertThat(failure).hasMessageContaining(InvokerFixtures.Exploding.class.getName());
    }

    @Test
    void tooManyPositionalArgumentsAreBadArguments() {
        assertThat(badArguments("add", "[1, 2, 3]", "{}"))
                .hasMessage("add(int a, int b) takes 2 positional arguments but 3 were given");
    }

    @Test
    void aMissingArgumentIsBadArgumentsNamingTheParameter() {
        assertThat(badArguments("add", "[1]", "{}")).hasMessageContaining("parameter 'b'");
    }

    @Test
    void anUnknownKeywordIsBadArgumentsNamingIt() {
        assertThat(badArguments("add", "[1, 2]", "{\"c\": 3}")).hasMessageContaining("no parameter named 'c'");
    }

    @Test
    void aKeywordRepeatingAPositionalArgumentIsBadArguments() {
        assertThat(badArguments("add", "[1, 2]", "{\"a\": 3}")).hasMessageContaining("two values for parameter 'a'");
    }

    @Test
    void aValueOfTheWrongTypeIsBadArgumentsNamingTheParameterAndType() {
        assertThat(badArguments("add", "[\"one\", 2]", "{}"))
                .hasMessageContaining("parameter 'a'").hasMessageContaining("needs a int").hasMessageContaining("string");
        assertThat(badArguments("doubled", "[{\"x\": 1}]", "{}"))
                .hasMessageContaining("parameter 'xs'").hasMessageContaining("java.util.List<java.lang.Integer>");
        assertThat(badArguments("fieldCount", "[[1]]", "{}"))
                .hasMessageContaining("parameter 'object'").hasMessageContaining("array");
    }

    @Test
    void nullForAPrimitiveIsBadArguments() {
        assertThat(badArguments("add", "[null, 2]", "{}")).hasMessageContaining("parameter 'a'")
                .hasMessageContaining("cannot be null");
    }

    @Test
    void badArgumentsNeverReachTheFunctionOrThePool() {
        badArguments("add", "[1]", "{}");

        assertThat(blocking.stats().rejected()).isZero();
        assertThat(blocking.stats().active()).isZero();
    }

    @Test
    void aPlainFunctionIsRefusedAsOverloadedWhenThePoolIsFull() throws Exception {
        Gate gate = new Gate();
        try (BlockingExecutor tiny = BlockingExecutor.create(1, 0)) {
            FunctionInvoker pass = MethodInvokers.forMethod(gate, Gate.class.getMethod("pass"), mapper, tiny);
            StepVerifier first = StepVerifier.create(pass.invoke(List.of(), Map.of()))
                    .expectNext(json("true")).expectComplete().verifyLater();
            assertThat(gate.started.await(10, TimeUnit.SECONDS)).isTrue();

            StepVerifier.create(pass.invoke(List.of(), Map.of()))
                    .expectErrorSatisfies(error -> assertThat(((MpregException) error).kind())
                            .isEqualTo(ErrorKind.OVERLOADED))
                    .verify(WAIT);

            gate.release.countDown();
            first.verify(WAIT);
        }
    }

    @Test
    void aMethodOfANonPublicClassIsMadeAccessible() throws NoSuchMethodException {
        FunctionInvoker invoker = MethodInvokers.forMethod(new Hidden(), Hidden.class.getDeclaredMethod("secret"),
                mapper, blocking);

        StepVerifier.create(invoker.invoke(List.of(), Map.of())).expectNext(json("\"found\"")).expectComplete()
                .verify(WAIT);
    }

    /** A plain function that blocks until released. */
    public static final class Gate {
        final CountDownLatch started = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        public boolean pass() throws InterruptedException {
            started.countDown();
            return release.await(10, TimeUnit.SECONDS);
        }
    }

    private static final class Hidden {
        private String secret() {
            return "found";
        }
    }

    private FunctionInvoker invoker(String name) {
        Method method = Arrays.stream(InvokerFixtures.class.getMethods())
                .filter(m -> m.getName().equals(name)).findFirst().orElseThrow();
        return MethodInvokers.forMethod(fixtures, method, mapper, blocking);
    }

    private JsonNode call(String name, String args, String kwargs) {
        return invocation(name, args, kwargs).block(WAIT);
    }

    private MpregException failure(String name, String args, String kwargs) {
        List<Throwable> failures = new ArrayList<>();
        StepVerifier.create(invocation(name, args, kwargs)).expectErrorSatisfies(failures::add).verify(WAIT);
        assertThat(failures.get(0)).isInstanceOf(MpregException.class);
        return (MpregException) failures.get(0);
    }

    private MpregException badArguments(String name, String args, String kwargs) {
        MpregException failure = failure(name, args, kwargs);
        assertThat(failure.kind()).isEqualTo(ErrorKind.BAD_ARGUMENTS);
        assertThat(failure.code()).isEqualTo(1009);
        return failure;
    }

    private Mono<JsonNode> invocation(String name, String args, String kwargs) {
        List<JsonNode> argList = new ArrayList<>();
        json(args).forEach(argList::add);
        Map<String, JsonNode> kwargMap = new LinkedHashMap<>();
        json(kwargs).properties().forEach(e -> kwargMap.put(e.getKey(), e.getValue()));
        return invoker(name).invoke(argList, kwargMap);
    }

    private JsonNode json(String text) {
        return mapper.readTree(text);
    }
}
