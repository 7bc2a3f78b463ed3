package io.mpreg.spring.autoconfigure;

import java.util.Objects;

import io.mpreg.core.transport.ConnectionHandler;
import io.mpreg.core.transport.ConnectionInfo;
import io.mpreg.core.transport.Utf8Text;
import io.netty.handler.codec.TooLongFrameException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.WebSocketSession;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Serves a WebFlux WebSocket session with the node's {@link ConnectionHandler}:
 * data frames in, the handler's frames out. The connection ends when the
 * handler's outbound completes or the peer goes away.
 *
 * <p>A single frame over the size limit is closed with 1009 by Netty's
 * decoder; a message whose fragments together grow past it is closed with
 * 1009 here.
 */
final class ConnectionHandlerWebSocketHandler implements WebSocketHandler {

    private static final Logger log = LoggerFactory.getLogger(ConnectionHandlerWebSocketHandler.class);

    private final ConnectionHandler connectionHandler;
    private final WebSocketEndpointStats stats;

    ConnectionHandlerWebSocketHandler(ConnectionHandler connectionHandler, WebSocketEndpointStats stats) {
        this.connectionHandler = Objects.requireNonNull(connectionHandler, "connectionHandler");
        this.stats = Objects.requireNonNull(stats, "stats");
    }

    @Override
    public Mono<Void> handle(WebSocketSession session) {
        ConnectionInfo connection = new ConnectionInfo(session.getId(),
                String.valueOf(session.getHandshakeInfo().getRemoteAddress()));
        // Binary frames are decoded as text too, so garbage gets a MALFORMED reply rather than silence.
        Flux<String> inbound = session.receive()
                .filter(message -> message.getType() == WebSocketMessage.Type.TEXT
                        || message.getType() == WebSocketMessage.Type.BINARY)
                .map(WebSocketMessage::getPayloadAsText)
                // Close with 1009 right away, before the ended inbound closes the session without a status.
                .onErrorResume(TooLongFrameException.class, tooLong -> closeTooBig(session, connection).then(Mono.empty()));
        return session.send(connectionHandler.frames(connection, inbound).map(text -> textMessage(session, text)))
                .doOnSubscribe(subscription -> stats.connectionOpened())
                .doFinally(signal -> stats.connectionClosed());
    }

    // Text already in UTF-8 is copied into the frame's buffer as it is, never made a String.
    private static WebSocketMessage textMessage(WebSocketSession session, CharSequence text) {
        if (text instanceof Utf8Text utf8) {
            DataBuffer payload = session.bufferFactory().allocateBuffer(utf8.utf8Length());
            utf8.writeUtf8(payload::write);
            return new WebSocketMessage(WebSocketMessage.Type.TEXT, payload);
        }
        return session.textMessage(text.toString());
    }

    private Mono<Void> closeTooBig(WebSocketSession session, ConnectionInfo connection) {
        stats.oversizeClose();
        log.info("Closing connection {} from {} with 1009: a message exceeded the size limit", connection.id(),
                connection.remoteAddress());
        return session.close(CloseStatus.TOO_BIG_TO_PROCESS);
    }
}
