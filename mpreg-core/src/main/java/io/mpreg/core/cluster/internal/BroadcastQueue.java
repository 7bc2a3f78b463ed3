package io.mpreg.core.cluster.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.mpreg.core.cluster.MemberRecord;

/**
 * Membership updates waiting to be piggybacked, each sent a bounded number of
 * times (SWIM's infection-style dissemination with memberlist's
 * transmit-limited queue).
 *
 * <p>At most one pending update per member: a newer one replaces the older
 * and starts its count afresh. Messages take the least-transmitted updates
 * first, so fresh news overtakes a backlog. Confined to the protocol's thread.
 */
public final class BroadcastQueue {

    private static final class Pending {
        final MemberRecord record;
        final long order;
        int transmits;

        Pending(MemberRecord record, long order) {
            this.record = record;
            this.order = order;
        }
    }

    private final Map<String, Pending> pending = new HashMap<>();
    private long nextOrder;

    /** Queues an update, replacing any pending one about the same member. */
    public void enqueue(MemberRecord record) {
        pending.put(record.id(), new Pending(record, nextOrder++));
    }

    /** Whether nothing waits to be sent. */
    public boolean isEmpty() {
        return pending.isEmpty();
    }

    /** How many updates wait. */
    public int size() {
        return pending.size();
    }

    /**
     * Takes up to {@code max} updates for one outgoing message, counting one
     * transmission for each and dropping those that reach {@code transmitLimit}.
     */
    public List<MemberRecord> take(int max, int transmitLimit) {
        if (pending.isEmpty()) {
            return List.of();
        }
        List<Pending> chosen = leastTransmitted(max);
        List<MemberRecord> records = new ArrayList<>(chosen.size());
        for (Pending p : chosen) {
            records.add(p.record);
            if (++p.transmits >= transmitLimit) {
                pending.remove(p.record.id());
            }
        }
        return records;
    }

    private List<Pending> leastTransmitted(int max) {
        List<Pending> all = new ArrayList<>(pending.values());
        if (all.size() > max) {
            all.sort((a, b) -> a.transmits != b.transmits
                    ? Integer.compare(a.transmits, b.transmits)
                    : Long.compare(b.order, a.order));
            return all.subList(0, max);
        }
        return all;
    }
}
