package io.mpreg.core.rpc;

import java.util.Map;
import java.util.Objects;

import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * Executes a {@link RequestPlan} as dataflow over a {@link CommandRunner}.
 *
 * <p>Each command starts the moment every command it references has a result,
 * with its references substituted; independent commands run at the same time.
 * The result is the sink commands' results by name, in request order. The
 * first failing command fails the whole request with its error (its name added
 * to the details as {@code command}) and cancels the commands still running;
 * cancelling the returned {@code Mono} cancels them too.
 */
public final class RequestExecutor {

    private final CommandRunner runner;

    /** An executor running commands through the given runner. */
    public RequestExecutor(CommandRunner runner) {
        this.runner = Objects.requireNonNull(runner, "runner");
    }

    /** Executes the plan when the returned {@code Mono} is subscribed. */
    public Mono<Map<String, JsonNode>> execute(RequestPlan plan, RequestContext context) {
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(context, "context");
        return Mono.create(sink -> new DataflowRun(plan, context, runner, sink).start());
    }
}
