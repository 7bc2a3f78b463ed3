package io.mpreg.core.cluster.internal;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

import io.mpreg.core.cluster.ClusterConfig;
import io.mpreg.core.cluster.ClusterPayload.Ack;
import io.mpreg.core.cluster.ClusterPayload.Ping;
import io.mpreg.core.cluster.ClusterPayload.PingRequest;
import io.mpreg.core.cluster.ClusterScheduler;
import io.mpreg.core.cluster.ClusterScheduler.Cancellable;
import io.mpreg.core.cluster.MemberRecord;
import io.mpreg.core.cluster.MemberStatus;
import org.jspecify.annotations.Nullable;

/**
 * SWIM failure detection: each protocol period probes one member (round-robin
 * over a random permutation, so every member is probed once per round); a
 * missing ack within the probe timeout asks {@code k} others to probe
 * indirectly; a member still silent at the end of the period becomes suspect,
 * and a suspect that does not refute within the suspicion timeout is declared
 * dead. Also answers and relays other members' probes. Confined to the
 * protocol's thread.
 */
final class FailureDetector {

    private record Relay(String requesterAddress, long requesterSeq) {
    }

    private final ClusterConfig config;
    private final ClusterScheduler scheduler;
    private final RandomGenerator random;
    private final Membership membership;
    private final Outbox outbox;
    private final Map<Long, MemberRecord> awaitingAck = new HashMap<>();
    private final Map<Long, Relay> relays = new HashMap<>();
    private final Map<String, Cancellable> suspicionTimers = new HashMap<>();
    private long nextSeq;
    private int cycleStart;
    private int cycleStride;
    private int cycleStep;
    private int cycleCapacity;

    FailureDetector(ClusterConfig config, ClusterScheduler scheduler, RandomGenerator random, Membership membership,
            Outbox outbox) {
        this.config = config;
        this.scheduler = scheduler;
        this.random = random;
        this.membership = membership;
        this.outbox = outbox;
    }

    /** One protocol period: probe the next member, if there is one. */
    void probeNext() {
        MemberRecord target = nextTarget();
        if (target == null) {
            return;
        }
        long seq = nextSeq++;
        awaitingAck.put(seq, target);
        outbox.send(target.info().address(), new Ping(seq, target.id()));
        scheduler.schedule(config.probeTimeout(), () -> probeIndirectly(seq, target));
    }

    void onPing(String fromAddress, Ping ping) {
        if (ping.targetId().equals(membership.self().id())) {
            outbox.send(fromAddress, new Ack(ping.seq()));
        }
    }

    void onPingRequest(String fromAddress, PingRequest request) {
        long seq = nextSeq++;
        relays.put(seq, new Relay(fromAddress, request.seq()));
        outbox.send(request.targetAddress(), new Ping(seq, request.targetId()));
        scheduler.schedule(config.probeInterval(), () -> relays.remove(seq));
    }

    void onAck(Ack ack) {
        if (awaitingAck.remove(ack.seq()) != null) {
            return;
        }
        Relay relay = relays.remove(ack.seq());
        if (relay != null) {
            outbox.send(relay.requesterAddress(), new Ack(relay.requesterSeq()));
        }
    }

    /** Starts (or restarts) the countdown of a member that just became suspect, however this node learned it. */
    void suspicionStarted(MemberRecord suspect) {
        Duration timeout = config.suspicionTimeout(membership.liveCount());
        Cancellable previous = suspicionTimers.put(suspect.id(),
                scheduler.schedule(timeout, () -> suspicionExpired(suspect)));
        if (previous != null) {
            previous.cancel();
        }
    }

    /** Stops the countdown of a member that is no longer suspect. */
    void suspicionEnded(String memberId) {
        Cancellable timer = suspicionTimers.remove(memberId);
        if (timer != null) {
            timer.cancel();
        }
    }

    void stop() {
        suspicionTimers.values().forEach(Cancellable::cancel);
        suspicionTimers.clear();
        awaitingAck.clear();
        relays.clear();
    }

    private void probeIndirectly(long seq, MemberRecord target) {
        if (!awaitingAck.containsKey(seq)) {
            return;
        }
        String selfId = membership.self().id();
        List<MemberRecord> helpers = membership.table().randomMatching(config.indirectProbes(),
                r -> r.status() == MemberStatus.ALIVE && !r.id().equals(selfId) && !r.id().equals(target.id()),
                random);
        for (MemberRecord helper : helpers) {
            outbox.send(helper.info().address(), new PingRequest(seq, target.id(), target.info().address()));
        }
        scheduler.schedule(config.probeInterval().minus(config.probeTimeout()), () -> probeFailed(seq, target));
    }

    private void probeFailed(long seq, MemberRecord target) {
        if (awaitingAck.remove(seq) == null || membership.isLeaving()) {
            return;
        }
        MemberRecord current = membership.table().get(target.id());
        if (current != null && current.status() == MemberStatus.ALIVE
                && current.incarnation() == target.incarnation()) {
            membership.declare(current, MemberStatus.SUSPECT, scheduler.nanoTime());
        }
    }

    private void suspicionExpired(MemberRecord suspect) {
        suspicionTimers.remove(suspect.id());
        MemberRecord current = membership.table().get(suspect.id());
        if (current != null && current.status() == MemberStatus.SUSPECT
                && current.incarnation() == suspect.incarnation() && !membership.isLeaving()) {
            membership.declare(current, MemberStatus.DEAD, scheduler.nanoTime());
        }
    }

    private @Nullable MemberRecord nextTarget() {
        MemberTable table = membership.table();
        String selfId = membership.self().id();
        for (int visited = 0; visited <= table.capacity(); visited++) {
            if (cycleCapacity != table.capacity() || cycleStep >= cycleCapacity) {
                cycleCapacity = table.capacity();
                cycleStart = random.nextInt(cycleCapacity);
                cycleStride = random.nextInt(cycleCapacity) | 1;
                cycleStep = 0;
            }
            int slot = (int) ((cycleStart + (long) cycleStride * cycleStep++) & (cycleCapacity - 1));
            MemberRecord candidate = table.slot(slot);
            if (candidate != null && candidate.status().isLive() && !candidate.id().equals(selfId)) {
                return candidate;
            }
        }
        return null;
    }
}
