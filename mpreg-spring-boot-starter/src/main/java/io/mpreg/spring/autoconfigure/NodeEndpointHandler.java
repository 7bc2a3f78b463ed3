package io.mpreg.spring.autoconfigure;

import java.util.Objects;

import io.mpreg.core.transport.WebSocketEndpoint;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.WebSocketSession;
import reactor.core.publisher.Mono;

/**
 * The node's WebSocket endpoint as WebFlux maps it: {@link NodeEndpointUpgradeStrategy}
 * hands each upgraded Reactor Netty connection to the node's {@link WebSocketEndpoint},
 * which serves it as the node's own listener would (frame limit, keep-alive,
 * idle timeout, batched writes). Spring's session adapter is never used, so
 * frames are not copied into {@code DataBuffer}s and out again.
 */
final class NodeEndpointHandler implements WebSocketHandler {

    private final WebSocketEndpoint endpoint;
    private final int maxFrameSize;

    /** @param maxFrameSize the node's frame limit, the same the endpoint applies to whole messages */
    NodeEndpointHandler(WebSocketEndpoint endpoint, int maxFrameSize) {
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.maxFrameSize = maxFrameSize;
    }

    WebSocketEndpoint endpoint() {
        return endpoint;
    }

    int maxFrameSize() {
        return maxFrameSize;
    }

    /** Reached only when the application replaced the WebSocket service this starter configures. */
    @Override
    public Mono<Void> handle(WebSocketSession session) {
        return Mono.error(new IllegalStateException("the mpreg endpoint is served through "
                + NodeEndpointUpgradeStrategy.class.getSimpleName() + ", but the application's WebSocketService"
                + " upgraded this session with another strategy"));
    }
}
