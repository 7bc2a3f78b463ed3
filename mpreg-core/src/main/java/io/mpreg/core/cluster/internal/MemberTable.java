package io.mpreg.core.cluster.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.random.RandomGenerator;

import io.mpreg.core.cluster.MemberRecord;
import io.mpreg.core.cluster.MemberStatus;
import org.jspecify.annotations.Nullable;

/**
 * One node's records of every member it knows, keyed by member id.
 *
 * <p>Compact on purpose: a simulation holds 10,000 nodes times 10,000 members,
 * so the table is a single open-addressed array of (shared, immutable) records,
 * about six bytes per member, instead of a hash map of entries. It also keeps
 * the anti-entropy digest up to date incrementally: each bucket holds the XOR
 * of the hashes of its live members' {@code (id, incarnation, status)}.
 *
 * <p>Confined to the protocol's thread; never read from elsewhere.
 */
public final class MemberTable {

    private final int bucketMask;
    private final long[] digest;
    private @Nullable MemberRecord[] slots = new MemberRecord[16];
    private int size;

    public MemberTable(int digestBuckets) {
        this.bucketMask = digestBuckets - 1;
        this.digest = new long[digestBuckets];
    }

    /** How many members are held, in any status. */
    public int size() {
        return size;
    }

    /** The record of a member, or {@code null}. */
    public @Nullable MemberRecord get(String id) {
        int mask = slots.length - 1;
        for (int i = spread(id.hashCode()) & mask; ; i = (i + 1) & mask) {
            MemberRecord record = slots[i];
            if (record == null) {
                return null;
            }
            if (record.id().equals(id)) {
                return record;
            }
        }
    }

    /** Stores a record, replacing the member's previous one. */
    public void put(MemberRecord record) {
        if ((size + 1) * 3 > slots.length * 2) {
            grow();
        }
        int mask = slots.length - 1;
        for (int i = spread(record.id().hashCode()) & mask; ; i = (i + 1) & mask) {
            MemberRecord existing = slots[i];
            if (existing == null) {
                slots[i] = record;
                size++;
                digestToggle(record);
                return;
            }
            if (existing.id().equals(record.id())) {
                digestToggle(existing);
                slots[i] = record;
                digestToggle(record);
                return;
            }
        }
    }

    /** Forgets a member (backward-shift deletion keeps probe chains intact). */
    public void remove(String id) {
        int mask = slots.length - 1;
        int i = spread(id.hashCode()) & mask;
        while (true) {
            MemberRecord record = slots[i];
            if (record == null) {
                return;
            }
            if (record.id().equals(id)) {
                break;
            }
            i = (i + 1) & mask;
        }
        digestToggle(slots[i]);
        slots[i] = null;
        size--;
        int hole = i;
        for (int j = (hole + 1) & mask; slots[j] != null; j = (j + 1) & mask) {
            MemberRecord moving = slots[j];
            int home = spread(moving.id().hashCode()) & mask;
            boolean homeBetweenHoleAndJ = hole <= j ? (home > hole && home <= j) : (home > hole || home <= j);
            if (!homeBetweenHoleAndJ) {
                slots[hole] = moving;
                slots[j] = null;
                hole = j;
            }
        }
    }

    /** Every record, in slot order (a fresh array). */
    public MemberRecord[] toArray() {
        MemberRecord[] all = new MemberRecord[size];
        int next = 0;
        for (MemberRecord record : slots) {
            if (record != null) {
                all[next++] = record;
            }
        }
        return all;
    }

    /** Visits every record. */
    public void forEach(Consumer<MemberRecord> action) {
        for (MemberRecord record : slots) {
            if (record != null) {
                action.accept(record);
            }
        }
    }

    /**
     * Up to {@code count} distinct records matching the filter, in random order:
     * a walk over all slots from a random start with a random odd stride (a full
     * cycle, since the capacity is a power of two), so no list is allocated per call.
     */
    public List<MemberRecord> randomMatching(int count, Predicate<MemberRecord> filter, RandomGenerator random) {
        List<MemberRecord> picked = new ArrayList<>(Math.min(count, 8));
        if (count <= 0 || size == 0) {
            return picked;
        }
        int mask = slots.length - 1;
        int start = random.nextInt(slots.length);
        int stride = random.nextInt(slots.length) | 1;
        for (int step = 0, i = start; step < slots.length && picked.size() < count; step++, i = (i + stride) & mask) {
            MemberRecord record = slots[i];
            if (record != null && filter.test(record)) {
                picked.add(record);
            }
        }
        return picked;
    }

    /** The slot capacity (a power of two); probe cycles walk this many slots. */
    public int capacity() {
        return slots.length;
    }

    /** The record in a slot, or {@code null}; slots shift only when the table grows or members are removed. */
    public @Nullable MemberRecord slot(int index) {
        return slots[index];
    }

    /** A copy of the digest: one hash per bucket. */
    public long[] digest() {
        return digest.clone();
    }

    /** The digest bucket of a member id. */
    public int bucketOf(String id) {
        return mix(id.hashCode()) & bucketMask;
    }

    /** Every record whose id falls into one of the given buckets. */
    public List<MemberRecord> recordsInBuckets(boolean[] wanted) {
        List<MemberRecord> records = new ArrayList<>();
        for (MemberRecord record : slots) {
            if (record != null && wanted[bucketOf(record.id())]) {
                records.add(record);
            }
        }
        return records;
    }

    private void digestToggle(MemberRecord record) {
        if (record.status() == MemberStatus.ALIVE || record.status() == MemberStatus.SUSPECT) {
            digest[bucketOf(record.id())] ^= entryHash(record);
        }
    }

    static long entryHash(MemberRecord record) {
        long h = record.id().hashCode() * 0x9E3779B97F4A7C15L;
        h ^= record.incarnation() * 0xC2B2AE3D27D4EB4FL;
        h ^= (record.status().ordinal() + 1L) * 0x165667B19E3779F9L;
        h ^= record.id().length();
        return fmix64(h);
    }

    private void grow() {
        MemberRecord[] old = slots;
        slots = new MemberRecord[old.length * 2];
        int mask = slots.length - 1;
        for (MemberRecord record : old) {
            if (record != null) {
                int i = spread(record.id().hashCode()) & mask;
                while (slots[i] != null) {
                    i = (i + 1) & mask;
                }
                slots[i] = record;
            }
        }
    }

    private static int spread(int h) {
        return h ^ (h >>> 16) * 0x45d9f3b;
    }

    private static int mix(int h) {
        return (int) (fmix64(h) >>> 32);
    }

    private static long fmix64(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        k *= 0xc4ceb93fe53a87c8L;
        k ^= k >>> 33;
        return k;
    }
}
