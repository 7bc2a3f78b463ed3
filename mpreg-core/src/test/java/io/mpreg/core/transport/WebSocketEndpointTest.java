package io.mpreg.core.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/** An endpoint serves connections a server of someone else's accepted, as core's own server would. */
class WebSocketEndpointTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private DisposableServer server;

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.disposeNow(WAIT);
        }
    }

    private String serveOnForeignServer(WebSocketEndpoint endpoint) {
        server = HttpServer.create()
                .host("127.0.0.1")
                .port(0)
                .route(routes -> routes.ws("/ws", endpoint::serve))
                .bindNow(WAIT);
        return "ws://127.0.0.1:" + server.port() + "/ws";
    }

    @Test
    void messagesReachTheHandlerAndItsRepliesReturn() {
        WebSocketEndpoint endpoint = WebSocketServer.create().handler(new EchoHandler()).endpoint();
        String url = serveOnForeignServer(endpoint);
        try (WebSocketClientConnection connection = WebSocketClient.create().connect(url).block(WAIT)) {
            connection.send("{\"hello\":1}");

            assertThat(connection.inbound().blockFirst(WAIT)).isEqualTo("{\"hello\":1}");
            assertThat(endpoint.stats().openConnections()).isEqualTo(1);
            assertThat(endpoint.stats().framesIn()).isEqualTo(1);
        }
        await().atMost(WAIT).until(() -> endpoint.stats().openConnections() == 0);
        assertThat(endpoint.stats().acceptedConnections()).isEqualTo(1);
    }

    @Test
    void messageOverTheEndpointsLimitClosesWith1009() {
        WebSocketEndpoint endpoint = WebSocketServer.create().maxFrameSize(1024).handler(new EchoHandler()).endpoint();
        String url = serveOnForeignServer(endpoint);

        WebSocketCloseStatus status = RawWebSocket.sendAndAwaitClose(url, List.of(new TextWebSocketFrame("z".repeat(2048))));

        assertThat(status.code()).isEqualTo(1009);
        await().atMost(WAIT).until(() -> endpoint.stats().oversizeCloses() == 1);
    }

    @Test
    void closingTheEndpointEndsItsConnectionsAndRefusesNewOnes() {
        WebSocketEndpoint endpoint = WebSocketServer.create().handler(new EchoHandler()).endpoint();
        String url = serveOnForeignServer(endpoint);
        WebSocketClientConnection connection = WebSocketClient.create().connect(url).block(WAIT);

        endpoint.closeGracefully(Duration.ofSeconds(2)).block(WAIT);

        connection.onClose().block(WAIT);
        assertThat(connection.isOpen()).isFalse();
        WebSocketCloseStatus late = RawWebSocket.sendAndAwaitClose(url, List.of(new TextWebSocketFrame("late")));
        assertThat(late.code()).isEqualTo(1001);
    }

    @Test
    void anEndpointNeedsAHandler() {
        assertThatThrownBy(() -> WebSocketServer.create().endpoint())
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("handler");
    }
}
