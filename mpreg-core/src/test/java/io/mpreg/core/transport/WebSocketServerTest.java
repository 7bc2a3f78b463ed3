package io.mpreg.core.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.stream.IntStream;

import io.mpreg.core.error.ErrorKind;
import io.mpreg.core.error.MpregException;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

class WebSocketServerTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private BoundServer server;

    @AfterEach
    void closeServer() {
        if (server != null) {
            server.close();
        }
    }

    private BoundServer echoServer(WebSocketServer spec) {
        server = spec.host("127.0.0.1").port(0).handler(new EchoHandler()).bind();
        return server;
    }

    private String url(String path) {
        return "ws://127.0.0.1:" + server.port() + path;
    }

    private WebSocketClientConnection connect(String url) {
        return WebSocketClient.create().connect(url).block(WAIT);
    }

    @Test
    void serverBoundToPortZeroReportsTheRealPort() {
        echoServer(WebSocketServer.create());

        assertThat(server.port()).isPositive();
        assertThat(server.host()).isEqualTo("127.0.0.1");
    }

    @Test
    void framesAreEchoedOnTheMpregPath() {
        echoServer(WebSocketServer.create());
        try (WebSocketClientConnection connection = connect(url("/mpreg"))) {
            connection.send("{\"hello\":1}");

            assertThat(connection.inbound().blockFirst(WAIT)).isEqualTo("{\"hello\":1}");
        }
    }

    @Test
    void bareRootPathAcceptsTheUpgradeLikeOriginalClients() {
        echoServer(WebSocketServer.create());
        try (WebSocketClientConnection connection = connect("ws://127.0.0.1:" + server.port())) {
            connection.send("root");

            assertThat(connection.inbound().blockFirst(WAIT)).isEqualTo("root");
        }
    }

    @Test
    void fragmentedMessageIsJoinedBeforeTheHandlerSeesIt() {
        echoServer(WebSocketServer.create());

        String echoed = RawWebSocket.sendAndReceiveOne(url("/mpreg"), List.of(
                new TextWebSocketFrame(false, 0, "{\"part\":"),
                new ContinuationWebSocketFrame(false, 0, "\"one and "),
                new ContinuationWebSocketFrame(true, 0, "two\"}")));

        assertThat(echoed).isEqualTo("{\"part\":\"one and two\"}");
        assertThat(server.stats().framesIn()).isEqualTo(1);
    }

    @Test
    void frameOverTwentyMebibytesClosesWith1009AndOtherConnectionsAreServed() {
        echoServer(WebSocketServer.create());
        try (WebSocketClientConnection bystander = connect(url("/mpreg"))) {
            String huge = "x".repeat(21 * 1024 * 1024);

            WebSocketCloseStatus status = RawWebSocket.sendAndAwaitClose(url("/mpreg"),
                    List.of(new TextWebSocketFrame(huge)));

            assertThat(status.code()).isEqualTo(1009);
            await().atMost(WAIT).until(() -> server.stats().oversizeCloses() == 1);
            bystander.send("still here");
            assertThat(bystander.inbound().blockFirst(WAIT)).isEqualTo("still here");
        }
    }

    @Test
    void messageExactlyAtTheLimitIsAccepted() {
        echoServer(WebSocketServer.create().maxFrameSize(1024));
        String atLimit = "y".repeat(1024);
        try (WebSocketClientConnection connection = connect(url("/mpreg"))) {
            connection.send(atLimit);

            assertThat(connection.inbound().blockFirst(WAIT)).isEqualTo(atLimit);
        }
    }

    @Test
    void aHandlerThatStopsTakingMessagesStopsTheReadingNotTheMemory() {
        Sinks.Empty<Void> consume = Sinks.empty();
        ConnectionHandler stalled = (connection, inbound) -> inbound.concatMap(text -> consume.asMono().thenReturn(text), 1);
        server = WebSocketServer.create().host("127.0.0.1").port(0).handler(stalled).bind();
        int sent = 500_000;
        try (WebSocketClientConnection connection = connect(url("/mpreg"))) {
            for (int i = 0; i < sent; i++) {
                connection.send("m" + i);
            }

            // Reading stops a read after the first 1,024 waiting; the kernel's buffers and the client hold the rest.
            await().atMost(WAIT).until(() -> server.stats().framesIn() > 0);
            await().during(Duration.ofSeconds(1)).atMost(WAIT).until(() -> server.stats().framesIn() < sent / 2);

            consume.tryEmitEmpty();
            List<String> echoed = connection.inbound().take(sent).collectList().block(WAIT);
            assertThat(echoed).hasSize(sent).startsWith("m0", "m1").endsWith("m" + (sent - 1));
        }
    }

    @Test
    void handlerReceivesMessagesOnTheConnectionsEventLoop() {
        ConnectionHandler threadReporter = (connection, inbound) -> inbound.map(text -> Thread.currentThread().getName());
        server = WebSocketServer.create().host("127.0.0.1").port(0).handler(threadReporter).bind();
        try (WebSocketClientConnection connection = connect(url("/mpreg"))) {
            connection.send("which thread?");

            assertThat(connection.inbound().blockFirst(WAIT)).startsWith("reactor-http");
        }
    }

    @Test
    void fragmentsAddingUpPastTheLimitCloseWith1009() {
        echoServer(WebSocketServer.create().maxFrameSize(1024));

        WebSocketCloseStatus status = RawWebSocket.sendAndAwaitClose(url("/mpreg"), List.of(
                new TextWebSocketFrame(false, 0, "a".repeat(600)),
                new ContinuationWebSocketFrame(true, 0, "b".repeat(600))));

        assertThat(status.code()).isEqualTo(1009);
        await().atMost(WAIT).until(() -> server.stats().oversizeCloses() == 1);
    }

    @Test
    void manyFramesSentConcurrentlyAreAllEchoed() {
        echoServer(WebSocketServer.create());
        int count = 5_000;
        Set<String> received = ConcurrentHashMap.newKeySet();
        try (WebSocketClientConnection connection = connect(url("/mpreg"))) {
            connection.inbound().subscribe(received::add);

            IntStream.range(0, count).parallel().forEach(i -> connection.send("frame-" + i));

            await().atMost(WAIT).until(() -> received.size() == count);
            assertThat(server.stats().framesIn()).isEqualTo(count);
            assertThat(server.stats().framesOut()).isEqualTo(count);
        }
    }

    @Test
    void silentConnectionIsClosedAfterTheIdleTimeout() {
        echoServer(WebSocketServer.create().pingInterval(Duration.ofMinutes(1)).idleTimeout(Duration.ofMillis(300)));
        WebSocketClientConnection connection = connect(url("/mpreg"));

        connection.onClose().block(WAIT);

        assertThat(connection.isOpen()).isFalse();
        await().atMost(WAIT).until(() -> server.stats().idleCloses() == 1);
    }

    @Test
    void pongsToServerPingsKeepAQuietConnectionOpen() {
        echoServer(WebSocketServer.create().pingInterval(Duration.ofMillis(50)).idleTimeout(Duration.ofMillis(400)));
        try (WebSocketClientConnection connection = connect(url("/mpreg"))) {

            await().during(Duration.ofMillis(1200)).atMost(WAIT).until(connection::isOpen);

            assertThat(server.stats().idleCloses()).isZero();
        }
    }

    @Test
    void openConnectionsAreCountedAndReleased() {
        echoServer(WebSocketServer.create());
        WebSocketClientConnection connection = connect(url("/mpreg"));
        await().atMost(WAIT).until(() -> server.stats().openConnections() == 1);

        connection.close();

        await().atMost(WAIT).until(() -> server.stats().openConnections() == 0);
        assertThat(server.stats().acceptedConnections()).isEqualTo(1);
    }

    @Test
    void closingTheServerEndsItsConnections() {
        echoServer(WebSocketServer.create());
        WebSocketClientConnection connection = connect(url("/mpreg"));

        server.closeGracefully(Duration.ofSeconds(2)).block(WAIT);

        connection.onClose().block(WAIT);
        assertThat(connection.isOpen()).isFalse();
        assertThat(connection.send("late")).isFalse();
    }

    @Test
    void unknownPathIsNotUpgraded() {
        echoServer(WebSocketServer.create());

        assertThatThrownBy(() -> connect(url("/elsewhere")))
                .isInstanceOfSatisfying(MpregException.class,
                        e -> assertThat(e.kind()).isEqualTo(ErrorKind.NODE_LOST))
                .hasMessageContaining("/elsewhere");
    }

    @Test
    void bindingWithoutAHandlerIsRejected() {
        assertThatThrownBy(() -> WebSocketServer.create().port(0).bind())
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("handler");
    }

    @Test
    void invalidSettingsAreRejectedWhenSet() {
        assertThatThrownBy(() -> WebSocketServer.create().port(70_000)).hasMessageContaining("70000");
        assertThatThrownBy(() -> WebSocketServer.create().maxFrameSize(0)).hasMessageContaining("maxFrameSize");
        assertThatThrownBy(() -> WebSocketServer.create().paths("mpreg")).hasMessageContaining("'/'");
        assertThatThrownBy(() -> WebSocketServer.create().pingInterval(Duration.ZERO)).hasMessageContaining("pingInterval");
    }

    @Test
    void repliesThatNeverEndAreCancelledWhenTheClientLeaves() {
        CountDownLatch cancelled = new CountDownLatch(1);
        ConnectionHandler endless = (connection, inbound) -> Flux.<String>never().doOnCancel(cancelled::countDown);
        server = WebSocketServer.create().host("127.0.0.1").port(0).handler(endless).bind();
        WebSocketClientConnection connection = connect(url("/mpreg"));
        await().atMost(WAIT).until(() -> server.stats().openConnections() == 1);

        connection.close();

        await().atMost(WAIT).until(() -> cancelled.getCount() == 0 && server.stats().openConnections() == 0);
    }
}
