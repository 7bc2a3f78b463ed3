package io.mpreg.core.fabric.internal;

import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.BiPredicate;

import io.mpreg.core.cluster.ClusterMessage;
import io.mpreg.core.cluster.ClusterMessageCodec;
import io.mpreg.core.cluster.ClusterPayload.Ack;
import io.mpreg.core.cluster.ClusterPayload.Ping;
import io.mpreg.core.cluster.PeerMessenger;
import io.mpreg.core.transport.ReconnectBackoff;
import io.mpreg.core.transport.WebSocketClient;
import reactor.core.scheduler.Scheduler;

/**
 * This node's peer links, one per peer address, created on first use: the
 * cluster protocol's {@link PeerMessenger} and the way out for remote calls.
 *
 * <p>Each node dials each peer it talks to at most once; the answers to its
 * calls come back on the same connection, while the peer's own membership
 * messages travel on the peer's link to this node. Two nodes talking both
 * ways therefore hold two connections, each carrying its dialer's traffic.
 * Also times direct probes: a ping's sequence number and send time are kept
 * in a small ring until the target's ack arrives.
 */
final class PeerLinks implements PeerMessenger {

    private static final int PROBE_SLOTS = 256;

    private final ClusterMessageCodec codec;
    private final WebSocketClient client;
    private final Duration breakerOpenTime;
    private final ReconnectBackoff backoff;
    private final Random random;
    private final ScheduledExecutorService timer;
    private final Scheduler dispatch;
    private final PeerLink.Events events;
    private final FabricCounters counters;
    private final Map<String, PeerLink> links = new ConcurrentHashMap<>();
    private final AtomicLongArray probeSeqs = new AtomicLongArray(PROBE_SLOTS);
    private final AtomicLongArray probeTimes = new AtomicLongArray(PROBE_SLOTS);
    private final Map<Long, String> probeTargets = new ConcurrentHashMap<>();
    private volatile BiPredicate<String, ClusterMessage> outboundFilter = (address, message) -> true;
    private volatile boolean closed;

    PeerLinks(ClusterMessageCodec codec, WebSocketClient client, Duration breakerOpenTime, ReconnectBackoff backoff,
            Random random, ScheduledExecutorService timer, Scheduler dispatch, PeerLink.Events events,
            FabricCounters counters) {
        this.codec = codec;
        this.client = client;
        this.breakerOpenTime = breakerOpenTime;
        this.backoff = backoff;
        this.random = random;
        this.timer = timer;
        this.dispatch = dispatch;
        this.events = events;
        this.counters = counters;
    }

    @Override
    public void send(String address, ClusterMessage message) {
        if (closed || !outboundFilter.test(address, message)) {
            return;
        }
        String frame = codec.encode(message);
        counters.sent(frame.length());
        if (message.payload() instanceof Ping ping) {
            int slot = (int) (ping.seq() & (PROBE_SLOTS - 1));
            probeSeqs.set(slot, ping.seq());
            probeTimes.set(slot, System.nanoTime());
            probeTargets.put(ping.seq() & (PROBE_SLOTS - 1), address);
        }
        link(address).send(frame, null);
    }

    /** Lets through only the membership messages the filter accepts (fault injection in tests). */
    void outboundFilter(BiPredicate<String, ClusterMessage> filter) {
        outboundFilter = filter;
    }

    /** Sends a call; false if it could not be queued. */
    boolean sendCall(String address, ClusterMessage call, String callId) {
        return !closed && link(address).send(codec.encode(call), callId);
    }

    /** Measures the round trip if the ack answers a direct probe of its sender. */
    void acked(ClusterMessage message, Ack ack) {
        int slot = (int) (ack.seq() & (PROBE_SLOTS - 1));
        String target = probeTargets.get((long) slot);
        if (probeSeqs.get(slot) == ack.seq() && message.fromAddress().equals(target)) {
            long sentAt = probeTimes.getAndSet(slot, 0);
            if (sentAt != 0) {
                counters.roundTrip(System.nanoTime() - sentAt);
            }
        }
    }

    /** Closes the link to a peer that is gone; a later send opens a fresh one. */
    void drop(String address) {
        PeerLink link = links.remove(address);
        if (link != null) {
            link.close();
        }
    }

    /** Whether a connection to the address is open now. */
    boolean isOpen(String address) {
        PeerLink link = links.get(address);
        return link != null && link.isOpen();
    }

    /** Whether every link has sent what it was given (nothing waiting, no attempt under way). */
    boolean idle() {
        for (PeerLink link : links.values()) {
            if (!link.idle()) {
                return false;
            }
        }
        return true;
    }

    void close() {
        closed = true;
        links.values().forEach(PeerLink::close);
        links.clear();
    }

    private PeerLink link(String address) {
        return links.computeIfAbsent(address,
                a -> new PeerLink(a, client, breakerOpenTime, backoff, random, timer, dispatch, events));
    }
}
