package io.mpreg.core.cluster.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.mpreg.core.cluster.MemberInfo;
import io.mpreg.core.cluster.MemberRecord;
import io.mpreg.core.cluster.MemberStatus;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SWIM membership state machine of one node: merges what others say
 * about members, refutes what they wrongly say about this node, and queues
 * every change worth spreading.
 *
 * <p>Merge rule: a record replaces the held one when it {@link
 * MemberRecord#supersedes supersedes} it (higher incarnation, or the same
 * incarnation and a later status: alive &lt; suspect &lt; dead &lt; left). So
 * merging is commutative, associative and idempotent, and every node that has
 * seen the same records holds the same state, whatever the order. News of
 * the death or departure of a member not known yet is kept too, as a
 * tombstone until {@link #reap}: ignoring it would make the result depend on
 * whether it arrived before or after the member's last alive record.
 * Confined to the protocol's thread.
 */
public final class Membership {

    private static final Logger log = LoggerFactory.getLogger(Membership.class);

    /** Told about every applied change, after it is applied. */
    @FunctionalInterface
    public interface ChangeListener {
        void changed(@Nullable MemberRecord previous, MemberRecord current);
    }

    private final MemberTable table;
    private final BroadcastQueue broadcasts;
    private final ChangeListener listener;
    private final Map<String, Long> goneSince = new HashMap<>();
    private MemberRecord self;
    private int liveCount;
    private boolean leaving;

    public Membership(MemberRecord self, MemberTable table, BroadcastQueue broadcasts, ChangeListener listener) {
        this.self = Objects.requireNonNull(self, "self");
        this.table = table;
        this.broadcasts = broadcasts;
        this.listener = listener;
        store(null, self, 0);
    }

    /** This node's own current record. */
    public MemberRecord self() {
        return self;
    }

    /** The table of all known members, this node included. */
    public MemberTable table() {
        return table;
    }

    /** How many members (this node included) are alive or suspect. */
    public int liveCount() {
        return liveCount;
    }

    /** Whether this node has said goodbye. */
    public boolean isLeaving() {
        return leaving;
    }

    /**
     * Merges a record learned from another node.
     *
     * @param spread whether a change is news to pass on by gossip (it is for gossip and
     *               joins; not for anti-entropy, whose peer already knows it)
     * @param now    the protocol clock, for remembering when members went away
     * @return the applied record, or {@code null} if it changed nothing
     */
    public @Nullable MemberRecord merge(MemberRecord incoming, boolean spread, long now) {
        if (incoming.id().equals(self.id())) {
            refuteIfNeeded(incoming, now);
            return null;
        }
        MemberRecord current = table.get(incoming.id());
        if (current != null && !incoming.supersedes(current)) {
            return null;
        }
        store(current, incoming, now);
        if (spread) {
            broadcasts.enqueue(incoming);
        }
        return incoming;
    }

    /**
     * Declares, from this node's own observation, that a member is suspect or
     * dead at the incarnation held; always spread.
     */
    public MemberRecord declare(MemberRecord current, MemberStatus status, long now) {
        MemberRecord declared = current.withStatus(status);
        store(current, declared, now);
        broadcasts.enqueue(declared);
        log.info("member {} is now {} (incarnation {})", current.id(), status.wireName(), current.incarnation());
        return declared;
    }

    /** Announces new information about this node under a new incarnation. */
    public MemberRecord announce(MemberInfo info, long now) {
        MemberRecord announced = new MemberRecord(self.id(), self.incarnation() + 1, MemberStatus.ALIVE, info);
        replaceSelf(announced, now);
        return announced;
    }

    /** Says goodbye: this node is left at its current incarnation and will refute nothing any more. */
    public MemberRecord leave(long now) {
        leaving = true;
        replaceSelf(self.withStatus(MemberStatus.LEFT), now);
        return self;
    }

    /** Forgets members dead or left for longer than the retention, so stale gossip cannot hold them forever. */
    public List<String> reap(long now, long retentionNanos) {
        List<String> reaped = new ArrayList<>();
        for (Iterator<Map.Entry<String, Long>> it = goneSince.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, Long> gone = it.next();
            if (now - gone.getValue() >= retentionNanos) {
                table.remove(gone.getKey());
                reaped.add(gone.getKey());
                it.remove();
            }
        }
        return reaped;
    }

    /** Members declared dead (not left) and not yet forgotten: candidates for reconnection after a partition. */
    public List<String> deadIds() {
        List<String> dead = new ArrayList<>();
        for (String id : goneSince.keySet()) {
            MemberRecord record = table.get(id);
            if (record != null && record.status() == MemberStatus.DEAD) {
                dead.add(id);
            }
        }
        return dead;
    }

    private void refuteIfNeeded(MemberRecord aboutSelf, long now) {
        if (leaving) {
            return;
        }
        boolean accused = aboutSelf.status() != MemberStatus.ALIVE;
        boolean outdated = aboutSelf.incarnation() > self.incarnation()
                || (accused && aboutSelf.incarnation() == self.incarnation());
        if (!outdated) {
            return;
        }
        long next = Math.max(self.incarnation(), aboutSelf.incarnation()) + 1;
        log.info("refuting '{}' about this node at incarnation {}: now alive at incarnation {}",
                aboutSelf.status().wireName(), aboutSelf.incarnation(), next);
        replaceSelf(new MemberRecord(self.id(), next, MemberStatus.ALIVE, self.info()), now);
    }

    private void replaceSelf(MemberRecord record, long now) {
        MemberRecord previous = self;
        self = record;
        store(previous, record, now);
        broadcasts.enqueue(record);
    }

    private void store(@Nullable MemberRecord previous, MemberRecord current, long now) {
        table.put(current);
        if (previous != null && previous.status().isLive()) {
            liveCount--;
        }
        if (current.status().isLive()) {
            liveCount++;
            goneSince.remove(current.id());
        } else if (previous == null || previous.status().isLive()) {
            goneSince.put(current.id(), now);
        }
        if (previous != null) {
            listener.changed(previous, current);
        } else if (current != self) {
            listener.changed(null, current);
        }
    }
}
