package io.mpreg.core.fabric.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;

import io.mpreg.core.cluster.ClusterMessage;
import io.mpreg.core.cluster.ClusterMessageCodec;
import io.mpreg.core.cluster.ClusterPayload.Ping;
import io.mpreg.core.transport.BoundServer;
import io.mpreg.core.transport.ReconnectBackoff;
import io.mpreg.core.transport.WebSocketClient;
import io.mpreg.core.transport.WebSocketServer;
import io.mpreg.core.wire.WireCodec;
import io.mpreg.core.wire.WireMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two nodes' {@link PeerLinks} over real sockets, each behind a real server that serves
 * fabric frames as a node does: both dial each other at once and the tie-break leaves one connection.
 */
class PeerLinksTest {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final ClusterMessageCodec CODEC = new ClusterMessageCodec(MAPPER);
    private static final WireCodec WIRE = ClusterMessageCodec.register(WireCodec.rpc(MAPPER));

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final List<AutoCloseable> resources = new ArrayList<>();

    /** One side: its links, its server, and every fabric message it received (by either way). */
    private final class Side {
        final String id;
        final List<ClusterMessage> received = new CopyOnWriteArrayList<>();
        final AtomicBoolean callsPending = new AtomicBoolean();
        final PeerLinks links;
        final BoundServer server;

        Side(String id) {
            this.id = id;
            this.links = new PeerLinks(id, CODEC, WebSocketClient.create().connectTimeout(Duration.ofSeconds(2)),
                    Duration.ofSeconds(2), new ReconnectBackoff(Duration.ofMillis(20), Duration.ofMillis(100), 0),
                    new Random(1), timer, Schedulers.parallel(), new PeerLink.Events() {
                        @Override
                        public void received(PeerLink link, String frame) {
                            received.add(CODEC.decode(frame));
                        }

                        @Override
                        public void lost(Object connection, String address) {
                        }

                        @Override
                        public void notSent(String callId, String address, String reason) {
                        }
                    }, new FabricCounters());
            links.callsPendingVia(via -> via instanceof PeerLink && callsPending.get());
            this.server = WebSocketServer.create().host("127.0.0.1").port(0)
                    .handler((connection, inbound) -> inbound.flatMap(frame -> {
                        ClusterMessage message = CODEC.decode(frame);
                        received.add(message);
                        Flux<WireMessage> toPeer = links.accepted(connection.id(), message);
                        return toPeer == null ? Flux.<String>empty() : toPeer.map(WIRE::encode);
                    }, Integer.MAX_VALUE))
                    .bind();
            resources.add(links::close);
            resources.add(server);
        }

        String address() {
            return "ws://127.0.0.1:" + server.port() + "/mpreg";
        }

        void send(Side to, long seq) {
            links.send(to.address(), new ClusterMessage("test", id, address(), 0, new Ping(seq, to.id), List.of()));
        }

        List<Long> seqsFrom(Side from) {
            return received.stream().filter(m -> m.fromId().equals(from.id))
                    .map(m -> ((Ping) m.payload()).seq()).toList();
        }
    }

    @AfterEach
    void stop() throws Exception {
        for (int i = resources.size() - 1; i >= 0; i--) {
            resources.get(i).close();
        }
        timer.shutdownNow();
    }

    @Test
    void whenBothDialAtOnceTheConnectionOfTheSmallerIdSurvivesAndNothingIsLostOrReordered() {
        Side a = new Side("a");
        Side b = new Side("b");
        a.send(b, 1);
        b.send(a, 1);
        await().atMost(Duration.ofSeconds(5)).until(() -> a.seqsFrom(b).size() == 1 && b.seqsFrom(a).size() == 1);
        assertThat(a.links.openLinks() + b.links.openLinks()).as("both dialed").isEqualTo(2);

        for (long seq = 2; seq <= 100; seq++) {
            a.send(b, seq);
            b.send(a, seq);
        }

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(a.links.openLinks()).as("a's link survives").isEqualTo(1);
            assertThat(b.links.openLinks()).as("b's link is closed").isZero();
            assertThat(a.links.inboundChannels()).isZero();
            assertThat(b.links.inboundChannels()).isEqualTo(1);
            assertThat(a.seqsFrom(b)).hasSize(100);
            assertThat(b.seqsFrom(a)).hasSize(100);
        });
        assertThat(b.seqsFrom(a)).isSorted();
        a.send(b, 101);
        b.send(a, 101);
        await().atMost(Duration.ofSeconds(5)).until(() -> a.seqsFrom(b).contains(101L) && b.seqsFrom(a).contains(101L));
    }

    @Test
    void redundantLinkStaysOpenWhileCallsSentOverItAwaitTheirResults() {
        Side a = new Side("a");
        Side b = new Side("b");
        b.callsPending.set(true);
        a.send(b, 1);
        b.send(a, 1);
        await().atMost(Duration.ofSeconds(5)).until(() -> a.seqsFrom(b).size() == 1 && b.seqsFrom(a).size() == 1);
        b.send(a, 2);
        await().atMost(Duration.ofSeconds(5)).until(() -> a.seqsFrom(b).contains(2L));

        await().pollDelay(PeerLinks.RETIRE_CHECK.multipliedBy(2)).atMost(Duration.ofSeconds(5))
                .until(() -> b.links.openLinks() == 1);
        b.callsPending.set(false);
        await().atMost(Duration.ofSeconds(5)).until(() -> b.links.openLinks() == 0 && a.links.inboundChannels() == 0);
    }
}
