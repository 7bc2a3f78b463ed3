package io.mpreg.core.fabric;

import io.mpreg.core.cluster.Member;
import io.mpreg.core.rpc.RequestContext;
import io.mpreg.core.wire.CommandSpec;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * Runs one command on a peer and emits its result.
 *
 * <p>When the peer is lost the {@code Mono} fails with {@code NODE_LOST}, whose
 * details say {@code "sent": false} if the call never left this node (safe to
 * run elsewhere) or {@code "sent": true} if its outcome is unknown.
 */
@FunctionalInterface
public interface RemoteCaller {

    /** Sends the command to the member and waits for its outcome until the request's deadline. */
    Mono<JsonNode> call(Member member, CommandSpec command, RequestContext context);
}
