package io.mpreg.core.fabric.internal;

import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.BiPredicate;
import java.util.function.Predicate;

import io.mpreg.core.cluster.ClusterMessage;
import io.mpreg.core.cluster.ClusterMessageCodec;
import io.mpreg.core.cluster.ClusterPayload.Ack;
import io.mpreg.core.cluster.ClusterPayload.Ping;
import io.mpreg.core.cluster.PeerMessenger;
import io.mpreg.core.transport.ReconnectBackoff;
import io.mpreg.core.transport.WebSocketClient;
import io.mpreg.core.wire.WireCodec;
import io.mpreg.core.wire.WireMessage;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Scheduler;

/**
 * This node's connections to its peers, one per pair of nodes: the cluster
 * protocol's {@link PeerMessenger} and the way out for remote calls.
 *
 * <p>A peer that has dialed this node (an {@link InboundChannel}, known after
 * its first fabric message) is sent to over that connection; otherwise this
 * node dials a {@link PeerLink}, created on first use. When both nodes dialed
 * at once, the connection dialed by the node with the smaller id survives:
 * the other node stops sending on its own link once nothing waits in it (so
 * its frames leave in order), keeps it while calls sent over it await their
 * results, then closes it ({@link #RETIRE_CHECK}).
 *
 * <p>Also times direct probes: a ping's sequence number and send time are kept
 * in a small ring until the target's ack arrives.
 */
final class PeerLinks implements PeerMessenger {

    /** How often redundant links are checked for calls still awaiting results. */
    static final Duration RETIRE_CHECK = Duration.ofMillis(500);

    private static final Logger log = LoggerFactory.getLogger(PeerLinks.class);
    private static final int PROBE_SLOTS = 256;

    private final String selfId;
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
    private final Map<String, InboundChannel> channels = new ConcurrentHashMap<>();
    private final Map<String, InboundChannel> channelsByConnection = new ConcurrentHashMap<>();
    private final Set<PeerLink> retiring = ConcurrentHashMap.newKeySet();
    private final AtomicLongArray probeSeqs = new AtomicLongArray(PROBE_SLOTS);
    private final AtomicLongArray probeTimes = new AtomicLongArray(PROBE_SLOTS);
    private final Map<Long, String> probeTargets = new ConcurrentHashMap<>();
    private volatile BiPredicate<String, ClusterMessage> outboundFilter = (address, message) -> true;
    private volatile Predicate<Object> callsPendingVia = via -> false;
    private volatile boolean closed;

    PeerLinks(String selfId, ClusterMessageCodec codec, WebSocketClient client, Duration breakerOpenTime,
            ReconnectBackoff backoff, Random random, ScheduledExecutorService timer, Scheduler dispatch,
            PeerLink.Events events, FabricCounters counters) {
        this.selfId = selfId;
        this.codec = codec;
        this.client = client;
        this.breakerOpenTime = breakerOpenTime;
        this.backoff = backoff;
        this.random = random;
        this.timer = timer;
        this.dispatch = dispatch;
        this.events = events;
        this.counters = counters;
        long period = RETIRE_CHECK.toNanos();
        timer.scheduleWithFixedDelay(this::closeRetiredLinks, period, period, TimeUnit.NANOSECONDS);
    }

    /** Tells which connections (links or channels) still carry calls awaiting results. */
    void callsPendingVia(Predicate<Object> pending) {
        callsPendingVia = pending;
    }

    @Override
    public void send(String address, ClusterMessage message) {
        if (closed || !outboundFilter.test(address, message)) {
            return;
        }
        String frame = codec.encode(message);
        counters.sent(WireCodec.utf8Length(frame));
        if (message.payload() instanceof Ping ping) {
            int slot = (int) (ping.seq() & (PROBE_SLOTS - 1));
            probeSeqs.set(slot, ping.seq());
            probeTimes.set(slot, System.nanoTime());
            probeTargets.put(ping.seq() & (PROBE_SLOTS - 1), address);
        }
        deliver(address, frame, null);
    }

    /** Lets through only the membership messages the filter accepts (fault injection in tests). */
    void outboundFilter(BiPredicate<String, ClusterMessage> filter) {
        outboundFilter = filter;
    }

    /**
     * Sends a call (or a message about one) without counting it as membership traffic.
     *
     * @param callId the call whose failure to leave is reported through {@link PeerLink.Events#notSent}
     * @return the connection it was handed to (a {@link PeerLink} or an {@link InboundChannel}), or
     *         null if it could not be queued
     */
    @Nullable Object sendCall(String address, ClusterMessage message, @Nullable String callId) {
        return closed ? null : deliver(address, codec.encode(message), callId);
    }

    /**
     * Sends an encoded message (pub/sub traffic) without counting it as membership traffic, after
     * everything sent to the peer before it.
     *
     * @return the connection it was handed to, or null if it could not be queued
     */
    @Nullable Object sendFrame(String address, String frame) {
        return closed ? null : deliver(address, frame, null);
    }

    /**
     * A fabric message arrived on a connection a peer dialed. The first one from a
     * connection makes it a channel to that peer.
     *
     * @return the frames this node will send on the connection (to merge into its replies), or null if
     *         the connection is already known
     */
    @Nullable Flux<WireMessage> accepted(String connectionId, ClusterMessage message) {
        if (closed || message.fromId().equals(selfId) || channelsByConnection.containsKey(connectionId)) {
            return null;
        }
        InboundChannel channel = new InboundChannel(connectionId, message.fromId(), message.fromAddress());
        if (channelsByConnection.putIfAbsent(connectionId, channel) != null) {
            return null;
        }
        return channel.frames(() -> {
            InboundChannel previous = channels.put(channel.address(), channel);
            if (previous != null) {
                previous.close();
            }
            log.debug("peer {} at {} dialed this node ({})", channel.peerId(), channel.address(), connectionId);
        }).doFinally(signal -> channelEnded(channel));
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

    /** Stops using the connections to a peer that is gone; a later send dials a fresh one. */
    void drop(String address) {
        PeerLink link = links.remove(address);
        if (link != null) {
            link.close();
        }
        InboundChannel channel = channels.remove(address);
        if (channel != null) {
            channel.close();
        }
    }

    /** Whether this node can send to the address over an open connection now. */
    boolean isOpen(String address) {
        PeerLink link = links.get(address);
        return (link != null && link.isOpen()) || channels.containsKey(address);
    }

    /** How many connections this node has dialed that are open now, redundant ones included. */
    int openLinks() {
        int open = 0;
        for (PeerLink link : links.values()) {
            open += link.isOpen() ? 1 : 0;
        }
        for (PeerLink link : retiring) {
            open += link.isOpen() ? 1 : 0;
        }
        return open;
    }

    /** How many peers send to this node over connections they dialed. */
    int inboundChannels() {
        return channels.size();
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
        retiring.forEach(PeerLink::close);
        retiring.clear();
        channels.values().forEach(InboundChannel::close);
        channels.clear();
    }

    private @Nullable Object deliver(String address, String frame, @Nullable String callId) {
        InboundChannel channel = channels.get(address);
        if (channel != null && useChannel(address, channel) && channel.send(frame)) {
            return channel;
        }
        PeerLink link = link(address);
        return link.send(frame, callId) ? link : null;
    }

    /**
     * Whether to send over the connection the peer dialed: yes when this node has no link of its own
     * (or a dead one), and when both dialed and the peer's id is the smaller. A link still holding
     * frames keeps being used until they left, so frames to a peer leave in the order they were sent.
     */
    private boolean useChannel(String address, InboundChannel channel) {
        PeerLink link = links.get(address);
        if (link == null) {
            return true;
        }
        boolean peerDialedSurvivor = channel.peerId().compareTo(selfId) < 0;
        if (!(peerDialedSurvivor || !link.isOpen()) || !link.idle()) {
            return false;
        }
        if (links.remove(address, link)) {
            retiring.add(link);
            log.debug("peer {} and this node dialed each other: sending over its connection", channel.peerId());
        }
        return true;
    }

    private void channelEnded(InboundChannel channel) {
        channelsByConnection.remove(channel.connectionId(), channel);
        channels.remove(channel.address(), channel);
        events.lost(channel, channel.address());
    }

    private void closeRetiredLinks() {
        for (PeerLink link : retiring) {
            if (link.idle() && !callsPendingVia.test(link)) {
                retiring.remove(link);
                link.close();
                log.debug("closed the redundant link to {}", link.address());
            }
        }
    }

    private PeerLink link(String address) {
        return links.computeIfAbsent(address,
                a -> new PeerLink(a, client, breakerOpenTime, backoff, random, timer, dispatch, events));
    }
}
