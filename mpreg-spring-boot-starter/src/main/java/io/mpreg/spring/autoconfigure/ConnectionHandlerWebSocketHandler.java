package io.mpreg.spring.autoconfigure;

import java.util.Objects;

import io.mpreg.core.transport.ConnectionHandler;
import io.mpreg.core.transport.ConnectionInfo;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.WebSocketSession;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Serves a WebFlux WebSocket session with the node's {@link ConnectionHandler}:
 * data frames in, the handler's frames out. The connection ends when the
 * handler's outbound completes or the peer goes away.
 */
final class ConnectionHandlerWebSocketHandler implements WebSocketHandler {

    private final ConnectionHandler connectionHandler;

    ConnectionHandlerWebSocketHandler(ConnectionHandler connectionHandler) {
        this.connectionHandler = Objects.requireNonNull(connectionHandler, "connectionHandler");
    }

    @Override
    public Mono<Void> handle(WebSocketSession session) {
        ConnectionInfo connection = new ConnectionInfo(session.getId(),
                String.valueOf(session.getHandshakeInfo().getRemoteAddress()));
        // Binary frames are decoded as text too, so garbage gets a MALFORMED reply rather than silence.
        Flux<String> inbound = session.receive()
                .filter(message -> message.getType() == WebSocketMessage.Type.TEXT
                        || message.getType() == WebSocketMessage.Type.BINARY)
                .map(WebSocketMessage::getPayloadAsText);
        return session.send(connectionHandler.handle(connection, inbound).map(session::textMessage));
    }
}
