package io.mpreg.core.cluster.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.IntSupplier;
import java.util.function.UnaryOperator;
import java.util.random.RandomGenerator;

import io.mpreg.core.cluster.ClusterConfig;
import io.mpreg.core.cluster.ClusterListener;
import io.mpreg.core.cluster.ClusterMessage;
import io.mpreg.core.cluster.ClusterPayload;
import io.mpreg.core.cluster.ClusterPayload.Ack;
import io.mpreg.core.cluster.ClusterPayload.Join;
import io.mpreg.core.cluster.ClusterPayload.Ping;
import io.mpreg.core.cluster.ClusterPayload.PingRequest;
import io.mpreg.core.cluster.ClusterPayload.Refused;
import io.mpreg.core.cluster.ClusterPayload.SyncDigest;
import io.mpreg.core.cluster.ClusterPayload.SyncState;
import io.mpreg.core.cluster.ClusterScheduler;
import io.mpreg.core.cluster.ClusterScheduler.Cancellable;
import io.mpreg.core.cluster.ClusterView;
import io.mpreg.core.cluster.MemberInfo;
import io.mpreg.core.cluster.MemberRecord;
import io.mpreg.core.cluster.MemberStatus;
import io.mpreg.core.cluster.PeerMessenger;
import io.mpreg.core.cluster.SeedResolver;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cluster protocol of one node: dispatches inbound messages, runs the
 * periodic tasks (probe, gossip, anti-entropy, seeds, reaping) and publishes
 * {@link ClusterView}s. Every method runs on the scheduler's one thread; the
 * public {@code ClusterNode} hops onto it.
 */
public final class ClusterEngine {

    private static final Logger log = LoggerFactory.getLogger(ClusterEngine.class);

    private final ClusterConfig config;
    private final PeerMessenger messenger;
    private final ClusterScheduler scheduler;
    private final RandomGenerator random;
    private final SeedResolver seeds;
    private final ClusterListener listener;
    private final Consumer<ClusterView> viewSink;
    private final IntSupplier localLoad;
    private final Map<String, Integer> loads;
    private final Set<String> refusedPeers;
    private final BroadcastQueue broadcasts = new BroadcastQueue();
    private final Membership membership;
    private final FailureDetector detector;
    private final AntiEntropy antiEntropy;
    private final List<Periodic> timers = new ArrayList<>();
    private boolean running;
    private boolean publishScheduled;

    public ClusterEngine(ClusterConfig config, MemberRecord self, PeerMessenger messenger, ClusterScheduler scheduler,
            RandomGenerator random, SeedResolver seeds, ClusterListener listener, Consumer<ClusterView> viewSink,
            IntSupplier localLoad, Map<String, Integer> loads, Set<String> refusedPeers) {
        this.config = config;
        this.messenger = messenger;
        this.scheduler = scheduler;
        this.random = random;
        this.seeds = seeds;
        this.listener = listener;
        this.viewSink = viewSink;
        this.localLoad = localLoad;
        this.loads = loads;
        this.refusedPeers = refusedPeers;
        this.membership = new Membership(self, new MemberTable(config.digestBuckets()), broadcasts, this::changed);
        this.detector = new FailureDetector(config, scheduler, random, membership, this::send);
        this.antiEntropy = new AntiEntropy(membership);
    }

    /** Starts the periodic tasks and joins the seeds. */
    public void start() {
        running = true;
        every(config.probeInterval(), detector::probeNext);
        every(config.gossipInterval(), this::gossipRound);
        every(config.antiEntropyInterval(), this::antiEntropyRound);
        every(config.joinRetryInterval(), () -> {
            if (membership.liveCount() <= 1) {
                joinSeeds(false);
            }
        });
        every(config.seedRefreshInterval(), () -> joinSeeds(true));
        publishView();
        joinSeeds(false);
    }

    /** Says goodbye to every live member directly, so each removes this node at once, then stops. */
    public void leave() {
        if (!running) {
            return;
        }
        MemberRecord left = membership.leave(scheduler.nanoTime());
        List<String> addresses = new ArrayList<>();
        membership.table().forEach(r -> {
            if (r.status().isLive() && !r.id().equals(left.id())) {
                addresses.add(r.info().address());
            }
        });
        ClusterMessage goodbye = message(new ClusterPayload.Gossip(), List.of(left));
        for (String address : addresses) {
            messenger.send(address, goodbye);
        }
        log.info("left the cluster '{}', goodbye sent to {} members", config.clusterId(), addresses.size());
        stop();
    }

    /** Stops all activity at once, as a crash would (no goodbye). */
    public void stop() {
        running = false;
        timers.forEach(Cancellable::cancel);
        timers.clear();
        detector.stop();
    }

    /** Announces new information about this node (functions, resources, URLs) under a new incarnation. */
    public void announce(UnaryOperator<MemberInfo> change) {
        MemberInfo info = change.apply(membership.self().info());
        if (!info.equals(membership.self().info())) {
            membership.announce(info, scheduler.nanoTime());
        }
    }

    /**
     * Adopts member records as if learned by anti-entropy: for restoring a saved
     * view, or for a simulation that starts from a formed cluster.
     */
    public void adopt(List<MemberRecord> records) {
        long now = scheduler.nanoTime();
        for (MemberRecord record : records) {
            membership.merge(record, false, now);
        }
    }

    /** This node's own record. */
    public MemberRecord self() {
        return membership.self();
    }

    /** Handles one inbound message. */
    public void receive(ClusterMessage message) {
        if (!running) {
            return;
        }
        if (!config.clusterId().equals(message.clusterId())) {
            refuse(message);
            return;
        }
        observeLoad(message.fromId(), message.load());
        long now = scheduler.nanoTime();
        for (MemberRecord update : message.gossip()) {
            membership.merge(update, true, now);
        }
        ClusterPayload payload = message.payload();
        if (payload instanceof Ping ping) {
            detector.onPing(message.fromAddress(), ping);
        } else if (payload instanceof Ack ack) {
            detector.onAck(ack);
        } else if (payload instanceof PingRequest request) {
            detector.onPingRequest(message.fromAddress(), request);
        } else if (payload instanceof Join join) {
            membership.merge(join.self(), true, now);
            send(message.fromAddress(), antiEntropy.fullState(false));
        } else if (payload instanceof SyncDigest digest) {
            replyIfAny(message.fromAddress(), antiEntropy.answer(digest));
        } else if (payload instanceof SyncState state) {
            for (MemberRecord record : state.records()) {
                membership.merge(record, false, now);
            }
            replyIfAny(message.fromAddress(), antiEntropy.requested(state.wantBuckets()));
        } else if (payload instanceof Refused refused) {
            if (refusedPeers.add(message.fromAddress())) {
                log.error("peer {} refused this node: {}", message.fromAddress(), refused.reason());
            }
        }
    }

    private void refuse(ClusterMessage message) {
        String reason = "peer " + message.fromAddress() + " belongs to cluster '" + message.clusterId()
                + "', this node to cluster '" + config.clusterId() + "'";
        if (refusedPeers.add(message.fromAddress())) {
            log.warn("refusing {} ({})", message.fromAddress(), reason);
        }
        if (!(message.payload() instanceof Refused)) {
            messenger.send(message.fromAddress(), message(new Refused(reason), List.of()));
        }
    }

    private void observeLoad(String memberId, int load) {
        if (load == 0) {
            loads.remove(memberId);
        } else {
            loads.put(memberId, load);
        }
    }

    private void replyIfAny(String address, @Nullable ClusterPayload reply) {
        if (reply != null) {
            send(address, reply);
        }
    }

    private void gossipRound() {
        if (broadcasts.isEmpty()) {
            return;
        }
        String selfId = membership.self().id();
        for (MemberRecord peer : membership.table().randomMatching(config.gossipFanout(),
                r -> r.status().isLive() && !r.id().equals(selfId), random)) {
            send(peer.info().address(), new ClusterPayload.Gossip());
        }
    }

    private void antiEntropyRound() {
        long now = scheduler.nanoTime();
        List<String> reaped = membership.reap(now, config.deadRetention().toNanos());
        if (!reaped.isEmpty()) {
            reaped.forEach(loads::remove);
            markViewDirty();
        }
        String selfId = membership.self().id();
        for (MemberRecord peer : membership.table().randomMatching(1,
                r -> r.status().isLive() && !r.id().equals(selfId), random)) {
            send(peer.info().address(), antiEntropy.digest());
        }
        List<String> dead = membership.deadIds();
        if (!dead.isEmpty()) {
            MemberRecord lost = membership.table().get(dead.get(random.nextInt(dead.size())));
            if (lost != null) {
                send(lost.info().address(), antiEntropy.digest());
            }
        }
    }

    private void joinSeeds(boolean onlyUnknown) {
        List<String> resolved = new ArrayList<>(seeds.resolve());
        String selfAddress = membership.self().info().address();
        resolved.remove(selfAddress);
        if (onlyUnknown && !resolved.isEmpty()) {
            Set<String> known = new HashSet<>();
            membership.table().forEach(r -> {
                if (r.status().isLive()) {
                    known.add(r.info().address());
                }
            });
            resolved.removeAll(known);
        }
        for (String seed : resolved) {
            send(seed, new Join(membership.self()));
        }
    }

    private void send(String address, ClusterPayload payload) {
        if (!running) {
            return;
        }
        int limit = config.retransmitLimit(membership.liveCount());
        messenger.send(address, message(payload, broadcasts.take(config.maxUpdatesPerMessage(), limit)));
    }

    private ClusterMessage message(ClusterPayload payload, List<MemberRecord> gossip) {
        MemberRecord self = membership.self();
        return new ClusterMessage(config.clusterId(), self.id(), self.info().address(), localLoad.getAsInt(),
                payload, gossip);
    }

    private void changed(@Nullable MemberRecord previous, MemberRecord current) {
        if (current.status() == MemberStatus.SUSPECT) {
            detector.suspicionStarted(current);
        } else {
            detector.suspicionEnded(current.id());
        }
        if (!current.status().isLive()) {
            loads.remove(current.id());
        }
        if (previous == null || previous.status() != current.status()) {
            log.debug("member {} {} -> {} (incarnation {})", current.id(),
                    previous == null ? "unknown" : previous.status().wireName(), current.status().wireName(),
                    current.incarnation());
        }
        listener.memberChanged(previous, current);
        markViewDirty();
    }

    private void markViewDirty() {
        if (!publishScheduled) {
            publishScheduled = true;
            scheduler.schedule(config.viewPublishDelay(), this::publishView);
        }
    }

    private void publishView() {
        publishScheduled = false;
        viewSink.accept(ClusterView.of(membership.self().id(), membership.table().toArray(), loads,
                localLoad.getAsInt()));
    }

    /** Runs the task every interval, first after a random fraction of it so nodes do not tick in step. */
    private void every(Duration interval, Runnable task) {
        Periodic periodic = new Periodic(interval, task);
        timers.add(periodic);
        periodic.scheduleAfter(Duration.ofNanos((long) (random.nextDouble() * interval.toNanos())));
    }

    private final class Periodic implements Cancellable {
        private final Duration interval;
        private final Runnable task;
        private @Nullable Cancellable next;

        Periodic(Duration interval, Runnable task) {
            this.interval = interval;
            this.task = task;
        }

        void scheduleAfter(Duration delay) {
            next = scheduler.schedule(delay, () -> {
                if (running) {
                    task.run();
                    scheduleAfter(interval);
                }
            });
        }

        @Override
        public void cancel() {
            if (next != null) {
                next.cancel();
            }
        }
    }

    /** Whether the engine runs (started and neither stopped nor left). */
    public boolean isRunning() {
        return running;
    }

    /** Pending updates in the broadcast queue (for tests and simulations). */
    public int pendingBroadcasts() {
        return broadcasts.size();
    }
}
