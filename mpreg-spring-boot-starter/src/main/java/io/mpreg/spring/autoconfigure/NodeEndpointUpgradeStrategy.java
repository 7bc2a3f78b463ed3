package io.mpreg.spring.autoconfigure;

import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.web.reactive.socket.HandshakeInfo;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.server.RequestUpgradeStrategy;
import org.springframework.web.reactive.socket.server.upgrade.ReactorNettyRequestUpgradeStrategy;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.http.server.WebsocketServerSpec;

/**
 * Upgrades requests for the node's endpoint ({@link NodeEndpointHandler}) on
 * Reactor Netty and hands the connection to the node; every other WebSocket
 * handler of the application is upgraded by Spring's own
 * {@link ReactorNettyRequestUpgradeStrategy}, unchanged.
 */
final class NodeEndpointUpgradeStrategy implements RequestUpgradeStrategy {

    private final RequestUpgradeStrategy others = new ReactorNettyRequestUpgradeStrategy();

    @Override
    public Mono<Void> upgrade(ServerWebExchange exchange, WebSocketHandler handler, @Nullable String subProtocol,
                              Supplier<HandshakeInfo> handshakeInfoFactory) {
        if (!(handler instanceof NodeEndpointHandler node)) {
            return others.upgrade(exchange, handler, subProtocol, handshakeInfoFactory);
        }
        ServerHttpResponse response = exchange.getResponse();
        HttpServerResponse nativeResponse = ServerHttpResponseDecorator.getNativeResponse(response);
        // Netty's decoder refuses a single frame over the node's limit before reading its payload.
        WebsocketServerSpec.Builder spec = WebsocketServerSpec.builder().maxFramePayloadLength(node.maxFrameSize());
        if (subProtocol != null) {
            spec.protocols(subProtocol);
        }
        // As Spring's strategy does: commit the response's headers, then switch the connection's protocol.
        return response.setComplete()
                .then(Mono.defer(() -> nativeResponse.sendWebsocket(node.endpoint()::serve, spec.build())));
    }
}
