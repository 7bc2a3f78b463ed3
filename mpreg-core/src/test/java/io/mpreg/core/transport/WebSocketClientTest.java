package io.mpreg.core.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.time.Duration;

import io.mpreg.core.error.ErrorKind;
import io.mpreg.core.error.MpregException;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

class WebSocketClientTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void unreachableServerFailsWithNodeLostNamingTheUrl() throws Exception {
        int freePort;
        try (ServerSocket socket = new ServerSocket(0)) {
            freePort = socket.getLocalPort();
        }
        String url = "ws://127.0.0.1:" + freePort + "/mpreg";

        assertThatThrownBy(() -> WebSocketClient.create().connect(url).block(WAIT))
                .isInstanceOfSatisfying(MpregException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.NODE_LOST))
                .hasMessageContaining(url);
    }

    @Test
    void nonWebSocketUrlIsRejected() {
        assertThatThrownBy(() -> WebSocketClient.create().connect("http://127.0.0.1:1/"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ws://");
    }

    @Test
    void inboundCompletesWhenTheServerEndsTheConnection() {
        ConnectionHandler greetAndLeave = (connection, inbound) -> Flux.just("bye");
        try (BoundServer server = WebSocketServer.create().host("127.0.0.1").port(0).handler(greetAndLeave).bind();
             WebSocketClientConnection connection = WebSocketClient.create()
                     .connect("ws://127.0.0.1:" + server.port() + "/mpreg").block(WAIT)) {

            assertThat(connection.inbound().collectList().block(WAIT)).containsExactly("bye");
            connection.onClose().block(WAIT);
            assertThat(connection.isOpen()).isFalse();
        }
    }

    @Test
    void silentServerIsLeftAfterTheClientIdleTimeout() {
        ConnectionHandler silent = (connection, inbound) -> inbound.thenMany(Flux.empty());
        try (BoundServer server = WebSocketServer.create().host("127.0.0.1").port(0)
                .pingInterval(Duration.ofMinutes(1)).handler(silent).bind();
             WebSocketClientConnection connection = WebSocketClient.create()
                     .pingInterval(Duration.ofMinutes(1)).idleTimeout(Duration.ofMillis(300))
                     .connect("ws://127.0.0.1:" + server.port() + "/mpreg").block(WAIT)) {

            connection.onClose().block(WAIT);

            assertThat(connection.stats().idleCloses()).isEqualTo(1);
        }
    }
}
