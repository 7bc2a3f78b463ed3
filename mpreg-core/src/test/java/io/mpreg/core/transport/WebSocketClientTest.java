package io.mpreg.core.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import static org.awaitility.Awaitility.await;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

import io.mpreg.core.error.ErrorKind;
import io.mpreg.core.error.MpregException;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

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

    @Test
    void framesSentFromManyThreadsAllArriveInTheOrderEachThreadSentThem() throws Exception {
        Queue<String> received = new ConcurrentLinkedQueue<>();
        ConnectionHandler collect = (connection, inbound) -> inbound.doOnNext(received::add).thenMany(Flux.empty());
        int threads = 4;
        int perThread = 5_000;
        ExecutorService senders = Executors.newFixedThreadPool(threads);
        try (BoundServer server = WebSocketServer.create().host("127.0.0.1").port(0).handler(collect).bind();
             WebSocketClientConnection connection = WebSocketClient.create()
                     .connect("ws://127.0.0.1:" + server.port() + "/mpreg").block(WAIT)) {

            for (int t = 0; t < threads; t++) {
                int thread = t;
                senders.execute(() -> IntStream.range(0, perThread).forEach(i -> connection.send(thread + ":" + i)));
            }

            await().atMost(WAIT).until(() -> received.size() == threads * perThread);
            List<List<Integer>> sequences = new ArrayList<>();
            IntStream.range(0, threads).forEach(t -> sequences.add(new ArrayList<>()));
            received.forEach(frame -> {
                String[] parts = frame.split(":");
                sequences.get(Integer.parseInt(parts[0])).add(Integer.parseInt(parts[1]));
            });
            List<Integer> expected = IntStream.range(0, perThread).boxed().toList();
            assertThat(sequences).allSatisfy(sequence -> assertThat(sequence).isEqualTo(expected));
            assertThat(connection.stats().framesOut()).isEqualTo((long) threads * perThread);
        } finally {
            senders.shutdownNow();
        }
    }

    @Test
    void theLastFrameOfABurstIsFlushedWithoutAnyFurtherSend() {
        try (BoundServer server = WebSocketServer.create().host("127.0.0.1").port(0).handler(new EchoHandler()).bind();
             WebSocketClientConnection connection = WebSocketClient.create()
                     .connect("ws://127.0.0.1:" + server.port() + "/mpreg").block(WAIT)) {

            IntStream.range(0, 1_000).forEach(i -> connection.send("frame-" + i));

            assertThat(connection.inbound().take(1_000).last().block(WAIT)).isEqualTo("frame-999");
            assertThat(connection.stats().framesIn()).isEqualTo(1_000);
        }
    }

    @Test
    void fragmentsFromTheServerAddingUpPastTheLimitCloseWith1009() {
        AtomicReference<WebSocketCloseStatus> statusSeenByServer = new AtomicReference<>();
        List<WebSocketFrame> fragments = List.of(
                new TextWebSocketFrame(false, 0, "a".repeat(600)),
                new ContinuationWebSocketFrame(true, 0, "b".repeat(600)));
        DisposableServer raw = HttpServer.create().host("127.0.0.1").port(0)
                .route(routes -> routes.ws("/raw", (in, out) -> out.sendObject(Flux.fromIterable(fragments)).then()
                        .then(in.receiveCloseStatus().doOnNext(statusSeenByServer::set).then())))
                .bindNow(WAIT);
        try (WebSocketClientConnection connection = WebSocketClient.create().maxFrameSize(1024)
                .connect("ws://127.0.0.1:" + raw.port() + "/raw").block(WAIT)) {

            connection.onClose().block(WAIT);

            assertThat(connection.stats().oversizeCloses()).isEqualTo(1);
            assertThat(connection.stats().framesIn()).isZero();
            await().atMost(WAIT).until(() -> statusSeenByServer.get() != null);
            assertThat(statusSeenByServer.get().code()).isEqualTo(1009);
        } finally {
            raw.disposeNow(WAIT);
        }
    }

    @Test
    void sendIsRefusedOnceTheConnectionIsClosed() {
        try (BoundServer server = WebSocketServer.create().host("127.0.0.1").port(0).handler(new EchoHandler()).bind()) {
            WebSocketClientConnection connection = WebSocketClient.create()
                    .connect("ws://127.0.0.1:" + server.port() + "/mpreg").block(WAIT);

            connection.close();
            connection.onClose().block(WAIT);

            assertThat(connection.send("too late")).isFalse();
        }
    }
}
