package io.mpreg.core.rpc;

import static io.mpreg.core.rpc.Commands.command;
import static io.mpreg.core.rpc.Commands.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.mpreg.core.error.ErrorKind;
import io.mpreg.core.error.MpregException;
import io.mpreg.core.wire.CommandSpec;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.NullNode;

class RequestExecutorTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final RequestContext CONTEXT = new RequestContext("u", Instant.EPOCH);

    /** echo returns its first argument; value returns a fixed document. */
    private static final CommandRunner ECHO = (command, context) -> switch (command.fun()) {
        case "echo" -> Mono.just(command.args().get(0));
        case "echoAll" -> Mono.just(JsonNodeFactory.instance.arrayNode().addAll(command.args()));
        case "kwargs" -> Mono.just(JsonNodeFactory.instance.objectNode().setAll(command.kwargs()));
        case "value" -> Mono.just(json("{\"x\": {\"y\": [10, 20, {\"z\": \"deep\"}]}, \"n\": null}"));
        case "empty" -> Mono.empty();
        default -> Mono.error(MpregException.of(ErrorKind.FUNCTION_NOT_FOUND, "no " + command.fun()));
    };

    @Test
    void resultsOfSinksAreReturnedInRequestOrderWithReferencesSubstituted() {
        Map<String, JsonNode> results = execute(ECHO,
                command("|first", "echo", "[\"hi there!\"]"),
                command("|third", "echoAll", "[\"|first\", \"AND ME TOO\"]"),
                command("|second", "echo", "[\"|first\"]"));

        assertThat(results).containsExactly(
                Map.entry("|third", json("[\"hi there!\", \"AND ME TOO\"]")),
                Map.entry("|second", json("\"hi there!\"")));
    }

    @Test
    void referencesNestedInListsAndObjectsOfArgsAndKwargsAreSubstituted() {
        Map<String, JsonNode> results = execute(ECHO,
                command("a", "echo", "[\"A\"]"),
                command("v", "value", "[]"),
                command("b", "echo", "[[1, {\"k\": [\"a\", \"v.x.y.2.z\"], \"lit\": \"x.a\"}]]"),
                command("c", "kwargs", "[]", "{\"whole\": \"v.x.y\", \"nested\": {\"n\": \"v.n\"}}"));

        assertThat(results.get("b")).isEqualTo(json("[1, {\"k\": [\"A\", \"deep\"], \"lit\": \"x.a\"}]"));
        assertThat(results.get("c")).isEqualTo(json("{\"whole\": [10, 20, {\"z\": \"deep\"}], \"nested\": {\"n\": null}}"));
    }

    @Test
    void aMissingFieldFailsTheRequestNamingTheCommandAndPath() {
        MpregException failure = failure(ECHO,
                command("v", "value", "[]"),
                command("b", "echo", "[\"v.x.nope.deeper\"]"));

        assertThat(failure.kind()).isEqualTo(ErrorKind.FIELD_NOT_FOUND);
        assertThat(failure).hasMessage("command 'b' references 'v.x.nope.deeper' but the result of 'v' has no field 'x.nope'");
        assertThat(failure.details()).isEqualTo(json(
                "{\"command\": \"b\", \"reference\": \"v.x.nope.deeper\", \"referenced\": \"v\", \"path\": \"x.nope\"}"));
    }

    @Test
    void anIndexOutsideAListOrIntoAScalarIsAMissingField() {
        assertThat(failure(ECHO, command("v", "value", "[]"), command("b", "echo", "[\"v.x.y.3\"]")).kind())
                .isEqualTo(ErrorKind.FIELD_NOT_FOUND);
        assertThat(failure(ECHO, command("v", "value", "[]"), command("b", "echo", "[\"v.x.y.-1\"]")).kind())
                .isEqualTo(ErrorKind.FIELD_NOT_FOUND);
        assertThat(failure(ECHO, command("v", "value", "[]"), command("b", "echo", "[\"v.x.y.0.z\"]")).kind())
                .isEqualTo(ErrorKind.FIELD_NOT_FOUND);
    }

    @Test
    void anEmptyResultIsJsonNull() {
        assertThat(execute(ECHO, command("e", "empty", "[]"))).containsExactly(Map.entry("e", NullNode.getInstance()));
    }

    @Test
    void independentCommandsRunAtTheSameTime() {
        CountDownLatch bothStarted = new CountDownLatch(2);
        CompletableFuture<JsonNode> release = new CompletableFuture<>();
        // Each command finishes only once both have started: sequential execution would never finish.
        CommandRunner rendezvous = (command, context) -> Mono.defer(() -> {
            bothStarted.countDown();
            if (bothStarted.getCount() == 0) {
                release.complete(json("\"met\""));
            }
            return Mono.fromFuture(release);
        });

        Map<String, JsonNode> results = execute(rendezvous, command("a", "f", "[]"), command("b", "f", "[]"));

        assertThat(results).containsOnlyKeys("a", "b");
    }

    @Test
    void aCommandStartsOnlyAfterEveryCommandItReferencesHasFinished() {
        List<String> events = new ArrayList<>();
        CommandRunner recording = (command, context) -> Mono.fromCallable(() -> {
            synchronized (events) {
                events.add(command.name());
            }
            return (JsonNode) json("1");
        });

        execute(recording, command("c", "f", "[\"a\", \"b\"]"), command("a", "f", "[]"), command("b", "f", "[\"a\"]"));

        assertThat(events).containsExactly("a", "b", "c");
    }

    @Test
    void aFailureFailsTheRequestWithTheCommandsErrorAndCancelsTheOthers() throws InterruptedException {
        CountDownLatch slowStarted = new CountDownLatch(1);
        CountDownLatch slowCancelled = new CountDownLatch(1);
        AtomicInteger dependentRuns = new AtomicInteger();
        CommandRunner runner = (command, context) -> switch (command.fun()) {
            case "slow" -> Mono.<JsonNode>never()
                    .doOnSubscribe(s -> slowStarted.countDown())
                    .doOnCancel(slowCancelled::countDown);
            case "after" -> Mono.fromCallable(() -> {
                dependentRuns.incrementAndGet();
                return (JsonNode) json("1");
            });
            default -> Mono.fromFuture(CompletableFuture.supplyAsync(() -> {
                await(slowStarted);
                throw MpregException.of(ErrorKind.FUNCTION_FAILED, "broke", json("{\"type\": \"X\"}"));
            }));
        };

        MpregException failure = failure(runner,
                command("slow", "slow", "[]"), command("bad", "fail", "[]"), command("after", "after", "[\"bad\"]"));

        assertThat(failure.kind()).isEqualTo(ErrorKind.FUNCTION_FAILED);
        assertThat(failure).hasMessage("broke");
        assertThat(failure.details()).isEqualTo(json("{\"command\": \"bad\", \"type\": \"X\"}"));
        assertThat(slowCancelled.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(dependentRuns).hasValue(0);
    }

    @Test
    void cancellingTheRequestCancelsItsRunningCommands() throws InterruptedException {
        CountDownLatch started = new CountDownLatch(2);
        CountDownLatch cancelled = new CountDownLatch(2);
        CommandRunner hanging = (command, context) -> Mono.<JsonNode>never()
                .doOnSubscribe(s -> started.countDown()).doOnCancel(cancelled::countDown);

        Disposable request = new RequestExecutor(hanging)
                .execute(Planner.plan(List.of(command("a", "f", "[]"), command("b", "f", "[]"))), CONTEXT).subscribe();
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        request.dispose();

        assertThat(cancelled.await(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void failureDetailsThatAreNotAnObjectAreKeptUnderDetails() {
        CommandRunner runner = (command, context) ->
                Mono.error(MpregException.of(ErrorKind.FORBIDDEN, "no", json("[1, 2]")));

        MpregException failure = failure(runner, command("x", "f", "[]"));

        assertThat(failure.kind()).isEqualTo(ErrorKind.FORBIDDEN);
        assertThat(failure.details()).isEqualTo(json("{\"command\": \"x\", \"details\": [1, 2]}"));
    }

    @Test
    void anUnexpectedExceptionIsAnInternalFaultNamingTheCommand() {
        CommandRunner runner = (command, context) -> {
            throw new IllegalStateException("router bug");
        };

        MpregException failure = failure(runner, command("x", "f", "[]"));

        assertThat(failure.kind()).isEqualTo(ErrorKind.INTERNAL);
        assertThat(failure.details()).isEqualTo(json("{\"command\": \"x\"}"));
        assertThat(failure).hasRootCauseMessage("router bug");
    }

    @Test
    void aLongChainOfCommandsFinishingOnTheCallingThreadDoesNotOverflowTheStack() {
        List<CommandSpec> chain = new ArrayList<>();
        chain.add(command("c0", "echo", "[\"start\"]"));
        for (int i = 1; i < 20_000; i++) {
            chain.add(command("c" + i, "echo", "[\"c" + (i - 1) + "\"]"));
        }

        Map<String, JsonNode> results = new RequestExecutor(ECHO).execute(Planner.plan(chain), CONTEXT).block(WAIT);

        assertThat(results).containsExactly(Map.entry("c19999", json("\"start\"")));
    }

    @Test
    void everyCommandReceivesTheRequestContext() {
        List<RequestContext> seen = new ArrayList<>();
        CommandRunner runner = (command, context) -> {
            seen.add(context);
            return Mono.just(json("1"));
        };

        execute(runner, command("a", "f", "[]"));

        assertThat(seen).containsExactly(CONTEXT);
    }

    private static Map<String, JsonNode> execute(CommandRunner runner, CommandSpec... commands) {
        return new RequestExecutor(runner).execute(Planner.plan(List.of(commands)), CONTEXT).block(WAIT);
    }

    private static MpregException failure(CommandRunner runner, CommandSpec... commands) {
        Throwable[] failure = new Throwable[1];
        StepVerifier.create(new RequestExecutor(runner).execute(Planner.plan(List.of(commands)), CONTEXT))
                .expectErrorSatisfies(error -> failure[0] = error)
                .verify(WAIT);
        assertThat(failure[0]).isInstanceOf(MpregException.class);
        return (MpregException) failure[0];
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
