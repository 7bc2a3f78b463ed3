package io.mpreg.core.node;

import io.mpreg.core.transport.ConnectionInfo;
import io.mpreg.core.wire.ErrorBody;
import io.mpreg.core.wire.FrameRejectedException;
import io.mpreg.core.wire.RpcResponse;
import io.mpreg.core.wire.WireMessage;
import reactor.core.publisher.Flux;

/**
 * Serves the decoded messages of one {@code role} on behalf of a
 * {@link FrameDispatcher}: RPC, pub/sub, the cluster fabric, ...
 *
 * <p>Each message may be answered with any number of messages (none for a
 * one-way message, several for a stream). A handler that fails is answered
 * with an {@code rpc-response} error carrying the message's {@code u}. A frame
 * of the role that the codec rejects is answered with {@link #rejected}.
 *
 * <p>Messages are handed to the handler on the dispatcher's scheduler, in the
 * order they arrived on their connection, unless {@link #servesWhereRead}.
 */
@FunctionalInterface
public interface RoleHandler {

    /** Serves one message received on the given connection. */
    Flux<WireMessage> handle(WireMessage message, ConnectionInfo connection);

    /**
     * The answer to a frame of this role that could not be decoded (a missing
     * or mistyped field): an {@code rpc-response} error by default; roles with
     * their own reply shape (such as the pub/sub acks) answer in that shape.
     */
    default WireMessage rejected(FrameRejectedException rejection) {
        return RpcResponse.failure(rejection.u(), ErrorBody.of(rejection));
    }

    /**
     * Whether messages of this role are served on the thread that read them
     * (a network event loop) instead of the dispatcher's scheduler. Only for
     * handlers that never block there (user code that may block belongs on
     * the blocking pool): serving where a frame was read spares a thread
     * hand-off per request, and the answers to one read leave together.
     */
    default boolean servesWhereRead() {
        return false;
    }
}
