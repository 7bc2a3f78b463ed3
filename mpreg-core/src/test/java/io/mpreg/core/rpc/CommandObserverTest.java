package io.mpreg.core.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.mpreg.core.error.ErrorKind;
import io.mpreg.core.error.MpregException;
import io.mpreg.core.wire.CommandSpec;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import tools.jackson.databind.node.StringNode;

class CommandObserverTest {

    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final RequestContext CONTEXT = new RequestContext("u-1", Instant.EPOCH);

    private final List<String> events = new CopyOnWriteArrayList<>();
    private final CommandObserver recorder = (command, context) -> {
        events.add("started " + command.fun() + " of " + context.requestId());
        return outcome -> events.add("finished " + command.fun() + " " + outcome.label());
    };

    @Test
    void aSuccessfulCommandIsReportedAsStartedAndSucceeded() {
        CommandRunner runner = recorder.observe((command, context) -> Mono.just(StringNode.valueOf("ok")));

        StepVerifier.create(runner.run(command("echo"), CONTEXT)).expectNext(StringNode.valueOf("ok"))
                .expectComplete().verify(WAIT);

        assertThat(events).containsExactly("started echo of u-1", "finished echo success");
    }

    @Test
    void aFailedCommandIsReportedWithItsErrorKind() {
        CommandRunner runner = recorder.observe((command, context) ->
                Mono.error(MpregException.of(ErrorKind.FUNCTION_FAILED, "boom")));

        StepVerifier.create(runner.run(command("fail"), CONTEXT)).expectError(MpregException.class).verify(WAIT);

        assertThat(events).containsExactly("started fail of u-1", "finished fail function_failed");
    }

    @Test
    void aFaultThatIsNotAnMpregErrorIsReportedAsInternal() {
        CommandRunner runner = recorder.observe((command, context) -> Mono.error(new IllegalStateException()));

        StepVerifier.create(runner.run(command("bug"), CONTEXT)).expectError().verify(WAIT);

        assertThat(events).containsExactly("started bug of u-1", "finished bug internal");
    }

    @Test
    void aCancelledCommandIsReportedAsCancelled() {
        CommandRunner runner = recorder.observe((command, context) -> Mono.never());

        StepVerifier.create(runner.run(command("slow"), CONTEXT)).thenCancel().verify(WAIT);

        assertThat(events).containsExactly("started slow of u-1", "finished slow cancelled");
    }

    @Test
    void observingWithNoneLeavesTheRunnerAsItIs() {
        CommandRunner runner = (command, context) -> Mono.empty();

        assertThat(CommandObserver.NONE.observe(runner)).isSameAs(runner);
    }

    private static CommandSpec command(String fun) {
        return new CommandSpec("c", fun, List.of(), Map.of(), List.of());
    }
}
