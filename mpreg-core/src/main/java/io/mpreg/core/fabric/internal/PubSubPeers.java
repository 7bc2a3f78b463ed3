package io.mpreg.core.fabric.internal;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;

import io.mpreg.core.cluster.ClusterMessage;
import io.mpreg.core.cluster.ClusterMessageCodec;
import io.mpreg.core.cluster.ClusterPayload;
import io.mpreg.core.cluster.ClusterPayload.PubSubInterest;
import io.mpreg.core.cluster.ClusterPayload.PubSubPublish;
import io.mpreg.core.cluster.ClusterView;
import io.mpreg.core.cluster.Member;
import io.mpreg.core.pubsub.PeerForwarder;
import io.mpreg.core.pubsub.PubSubExchange;
import io.mpreg.core.pubsub.PubSubMessage;
import io.mpreg.core.pubsub.TopicPattern;
import io.mpreg.core.pubsub.internal.TopicIndex;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pub/sub across the cluster for one node: announces its exchange's interest to
 * its peers, keeps theirs, and forwards each message published here to the peers
 * whose interest matches it, over the one connection per pair of nodes.
 *
 * <p>Announcements are built and sent on the protocol thread, at most one per
 * {@link #COALESCE} however fast local subscriptions change; a peer just seen
 * alive gets the current one and is asked for its own. Peers' interest sits in a
 * {@link TopicIndex} (the matcher of local subscriptions), so matching a topic
 * against every peer's patterns takes no lock. Messages from peers are delivered
 * to local subscriptions only, so none crosses more than one link.
 */
final class PubSubPeers implements PeerForwarder {

    /** How long interest changes are gathered before one announcement carries them all. */
    static final Duration COALESCE = Duration.ofMillis(100);
    /**
     * How often the current announcement is repeated to every live peer, so one lost on a
     * broken connection is made good (receivers ignore a generation they hold already).
     */
    static final Duration REPEAT = Duration.ofSeconds(5);

    private static final Logger log = LoggerFactory.getLogger(PubSubPeers.class);

    private final String selfId;
    private final long epoch;
    private final ClusterMessageCodec codec;
    private final PeerLinks links;
    private final ScheduledExecutorService protocolThread;
    private final Function<ClusterPayload, ClusterMessage> envelope;
    private final Supplier<ClusterView> view;
    private final TopicIndex<PeerInterest> peerPatterns = new TopicIndex<>(0);
    private final Map<String, PeerInterest> byPeer = new ConcurrentHashMap<>();
    private final AtomicBoolean announcePending = new AtomicBoolean();
    private volatile @Nullable PubSubExchange exchange;
    // Touched on the protocol thread only.
    private Set<TopicPattern> announced = Set.of();
    private long generation;

    PubSubPeers(String selfId, long epoch, ClusterMessageCodec codec, PeerLinks links,
            ScheduledExecutorService protocolThread, Function<ClusterPayload, ClusterMessage> envelope,
            Supplier<ClusterView> view) {
        this.selfId = selfId;
        this.epoch = epoch;
        this.codec = codec;
        this.links = links;
        this.protocolThread = protocolThread;
        this.envelope = envelope;
        this.view = view;
    }

    /** Serves the given exchange: forwards what is published on it and announces its interest. */
    void bridge(PubSubExchange local) {
        exchange = local;
        local.forwardTo(this);
        interestChanged();
        try {
            protocolThread.scheduleWithFixedDelay(this::repeatAnnouncement, REPEAT.toNanos(), REPEAT.toNanos(),
                    TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException closing) {
            log.debug("pub/sub announcements not repeated: the fabric is closed");
        }
    }

    @Override
    public int forward(PubSubMessage message) {
        List<PeerInterest> peers = peerPatterns.match(message.topic());
        if (peers.isEmpty()) {
            return 0;
        }
        String frame = codec.encode(envelope.apply(new PubSubPublish(message)));
        int sent = 0;
        for (int i = 0; i < peers.size(); i++) {
            PeerInterest peer = peers.get(i);
            if (links.sendFrame(peer.address, frame) != null) {
                sent++;
            } else {
                log.debug("message {} not forwarded to {}: its connection is closed", message.messageId(), peer.id);
            }
        }
        return sent;
    }

    @Override
    public void interestChanged() {
        if (announcePending.compareAndSet(false, true)) {
            onProtocolThread(this::announceToAll, COALESCE);
        }
    }

    /** Stops forwarding: the exchange keeps serving this node alone. */
    void close() {
        PubSubExchange local = exchange;
        if (local != null) {
            local.forwardTo(PeerForwarder.NONE);
        }
    }

    /** A pub/sub message from a peer (the cluster id already checked). */
    void receive(ClusterMessage message) {
        ClusterPayload payload = message.payload();
        if (payload instanceof PubSubPublish publish) {
            PubSubExchange local = exchange;
            if (local != null) {
                local.deliverFromPeer(publish.message());
            }
        } else if (payload instanceof PubSubInterest interest) {
            onProtocolThread(() -> learn(message.fromId(), message.fromAddress(), interest), Duration.ZERO);
        }
    }

    /** A peer is alive (newly or again): tell it this node's interest and ask for its own. */
    void peerAlive(String peerId, String address) {
        onProtocolThread(() -> {
            announceChanges();
            send(address, true);
        }, Duration.ZERO);
    }

    /** A peer died or left: nothing is forwarded to it any more. */
    void peerGone(String peerId) {
        onProtocolThread(() -> {
            PeerInterest gone = byPeer.remove(peerId);
            if (gone != null) {
                gone.patterns.forEach(pattern -> peerPatterns.remove(pattern, gone));
                log.debug("dropped the pub/sub interest of peer {}", peerId);
            }
        }, Duration.ZERO);
    }

    private void onProtocolThread(Runnable task, Duration delay) {
        try {
            protocolThread.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException closing) {
            log.debug("pub/sub task skipped: the fabric is closed");
        }
    }

    private void announceToAll() {
        announcePending.set(false);
        announceChanges();
    }

    private void repeatAnnouncement() {
        if (!refreshAnnounced() && generation == 0) {
            return;
        }
        sendToLivePeers();
    }

    /**
     * Announces the exchange's patterns to every live peer if they changed since the last announcement.
     * Whatever path notices a change first announces it to all, so no peer misses a generation.
     */
    private void announceChanges() {
        if (refreshAnnounced()) {
            sendToLivePeers();
        }
    }

    private void sendToLivePeers() {
        for (Member member : view.get().liveMembers()) {
            if (!member.local() && !member.id().equals(selfId)) {
                send(member.info().address(), false);
            }
        }
    }

    /** Takes the exchange's current patterns; true if they differ from those announced last. */
    private boolean refreshAnnounced() {
        PubSubExchange local = exchange;
        if (local == null) {
            return false;
        }
        Set<TopicPattern> now = local.interest().patterns();
        if (now.equals(announced)) {
            return false;
        }
        announced = now;
        generation++;
        return true;
    }

    private void send(String address, boolean ask) {
        ClusterMessage message = envelope.apply(new PubSubInterest(epoch, generation, announced, ask));
        if (links.sendFrame(address, codec.encode(message)) == null) {
            log.debug("pub/sub interest not sent to {}: its connection is closed", address);
        }
    }

    private void learn(String peerId, String address, PubSubInterest interest) {
        if (peerId.equals(selfId)) {
            return;
        }
        if (interest.ask()) {
            announceChanges();
            send(address, false);
        }
        Member sender = view.get().member(peerId);
        if (sender == null || !sender.status().isLive()) {
            return;
        }
        PeerInterest held = byPeer.get(peerId);
        if (held != null && held.epoch == interest.epoch() && held.generation >= interest.generation()) {
            return;
        }
        PeerInterest peer = held != null ? held : new PeerInterest(peerId);
        Set<TopicPattern> next = new HashSet<>(interest.patterns());
        peer.address = address;
        for (TopicPattern pattern : peer.patterns) {
            if (!next.contains(pattern)) {
                peerPatterns.remove(pattern, peer);
            }
        }
        for (TopicPattern pattern : next) {
            if (!peer.patterns.contains(pattern)) {
                peerPatterns.add(pattern, peer);
            }
        }
        peer.patterns = next;
        peer.epoch = interest.epoch();
        peer.generation = interest.generation();
        byPeer.put(peerId, peer);
        log.debug("peer {} listens to {} pattern(s) (generation {})", peerId, next.size(), interest.generation());
    }

    /** What one peer listens to; the same object for the peer's whole stay, as the index compares by identity. */
    private static final class PeerInterest {
        final String id;
        volatile String address = "";
        // Written on the protocol thread only.
        Set<TopicPattern> patterns = Set.of();
        long epoch;
        long generation = -1;

        PeerInterest(String id) {
            this.id = id;
        }
    }
}
