package io.mpreg.core.function;

import java.util.List;
import java.util.Map;

import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * Calls one function with JSON arguments whose references are already resolved.
 *
 * <p>Invokers must not block the calling thread: code that may block runs on a
 * {@link BlockingExecutor}. Failures are {@link io.mpreg.core.error.MpregException}s
 * carrying the protocol kind ({@code BAD_ARGUMENTS}, {@code FUNCTION_FAILED},
 * {@code OVERLOADED}, ...). Cancelling the returned {@code Mono} cancels the call.
 */
@FunctionalInterface
public interface FunctionInvoker {

    /**
     * Calls the function.
     *
     * @param args   positional arguments
     * @param kwargs arguments by parameter name
     * @return the result; JSON {@code null} for functions without one
     */
    Mono<JsonNode> invoke(List<JsonNode> args, Map<String, JsonNode> kwargs);
}
