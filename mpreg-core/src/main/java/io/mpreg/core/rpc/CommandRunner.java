package io.mpreg.core.rpc;

import io.mpreg.core.wire.CommandSpec;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * Runs one command whose references have all been substituted, wherever it
 * should run: on this node, or (once clustered) on a peer chosen by the router.
 *
 * <p>The executor depends only on this interface, so routing can change
 * without touching planning or execution.
 */
@FunctionalInterface
public interface CommandRunner {

    /**
     * Runs the command and emits its result.
     *
     * @return a {@code Mono} of the result; it fails with an {@link io.mpreg.core.error.MpregException}
     *         carrying the protocol kind of the failure
     */
    Mono<JsonNode> run(CommandSpec command, RequestContext context);
}
