package io.mpreg.core.fabric.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.mpreg.core.transport.BoundServer;
import io.mpreg.core.transport.ReconnectBackoff;
import io.mpreg.core.transport.WebSocketClient;
import io.mpreg.core.transport.WebSocketServer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.scheduler.Schedulers;

/** {@link PeerLink} against a real closed port and a real server that comes up later. */
class PeerLinkTest {

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final List<String> notSent = new CopyOnWriteArrayList<>();
    private final AtomicInteger sequence = new AtomicInteger();
    private final PeerLink.Events events = new PeerLink.Events() {
        @Override
        public void received(PeerLink link, String frame) {
            received.add(frame);
        }

        @Override
        public void lost(Object connection, String address) {
        }

        @Override
        public void notSent(String callId, String address, String reason) {
            notSent.add(callId);
        }
    };
    private @Nullable PeerLink link;
    private @Nullable BoundServer server;

    @AfterEach
    void stop() {
        if (link != null) {
            link.close();
        }
        if (server != null) {
            server.close();
        }
        timer.shutdownNow();
    }

    @Test
    void framesSentWhileBackingOffWaitForTheNextAttemptAndFailAsNotSentWithIt() {
        int port = closedPort();
        PeerLink peer = link(port, new ReconnectBackoff(Duration.ofMillis(400), Duration.ofSeconds(1), 0),
                Duration.ofSeconds(10));

        peer.send("{}", "call-1");
        await().atMost(Duration.ofSeconds(3)).until(() -> notSent.contains("call-1"));
        long secondSent = System.nanoTime();
        peer.send("{}", "call-2");

        assertThat(peer.idle()).as("call-2 waits for the attempt the backoff allows").isFalse();
        await().atMost(Duration.ofSeconds(3)).until(() -> notSent.contains("call-2"));
        assertThat(Duration.ofNanos(System.nanoTime() - secondSent)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    @Test
    void circuitOpensAfterThreeFailedConnectsAndClosesOnceThePeerIsUp() {
        int port = closedPort();
        PeerLink peer = link(port, new ReconnectBackoff(Duration.ofMillis(10), Duration.ofMillis(20), 0),
                Duration.ofMillis(600));

        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(5)).until(() -> {
            peer.send("{}", "call-" + sequence.incrementAndGet());
            return peer.circuitState() == CircuitBreaker.State.OPEN;
        });
        int failedBeforeOpen = notSent.size();
        peer.send("{}", "while-open");
        await("frames are dropped without an attempt while the circuit is open")
                .atMost(Duration.ofMillis(300)).until(() -> notSent.contains("while-open"));
        assertThat(peer.circuitState()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(failedBeforeOpen).isGreaterThanOrEqualTo(3);

        server = WebSocketServer.create().host("127.0.0.1").port(port).handler((connection, inbound) -> inbound)
                .bind();
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20)).until(() -> {
            peer.send("{\"hello\":" + sequence.incrementAndGet() + "}", null);
            return peer.isOpen();
        });
        assertThat(peer.circuitState()).isEqualTo(CircuitBreaker.State.CLOSED);
        peer.send("{\"after\":true}", null);
        await().atMost(Duration.ofSeconds(5)).until(() -> received.contains("{\"after\":true}"));
    }

    private PeerLink link(int port, ReconnectBackoff backoff, Duration breakerOpenTime) {
        link = new PeerLink("ws://127.0.0.1:" + port + "/mpreg",
                WebSocketClient.create().connectTimeout(Duration.ofSeconds(1)), breakerOpenTime, backoff,
                new Random(3), timer, Schedulers.parallel(), events);
        return link;
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
