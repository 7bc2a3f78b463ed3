package io.mpreg.core.pubsub.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Open addressing (linear probing) over one array of fixed-width records, for
 * one writer at a time and any number of readers that take no lock.
 *
 * <p>A record is written once: its other fields first, then its key, with
 * release semantics, which a reader loads with acquire semantics. After that
 * the writer may only mark the record {@link #REMOVED}, and never fills a
 * removed record again in the same array. So a reader that has seen a key
 * reads that record's own fields, never those of a record written later, and
 * probing never skips an entry that was there when the lookup began. Space
 * held by removed records comes back when the writer copies the live records
 * into a fresh array and publishes it; a reader still probing the old array
 * sees an older, consistent table.
 *
 * <p>The array is at most half occupied (live plus removed records), so every
 * probe ends at an empty record. Copying leaves it at most a quarter full, so
 * the writer's copies cost a constant amount per insertion on average.
 */
abstract class WriteOnceTable {

    /** The key of a removed record; readers step over it. */
    static final Object REMOVED = new Object();

    private static final VarHandle RECORDS = MethodHandles.arrayElementVarHandle(Object[].class);
    private static final int MIN_CAPACITY = 8;

    private final int width;
    private volatile Object[] records;
    private int occupied;
    private int live;

    WriteOnceTable(int width) {
        this.width = width;
        this.records = new Object[MIN_CAPACITY * width];
    }

    /** The current array; a reader loads it once per lookup. Its length is a power of two times the width. */
    final Object[] records() {
        return records;
    }

    /** The key of the record at {@code offset}: null if the record was never written. */
    static Object keyAt(Object[] records, int offset) {
        return RECORDS.getAcquire(records, offset);
    }

    /** Scatters a hash over the bits a power-of-two table uses (MurmurHash3's finalizer). */
    static int mix(int hash) {
        int h = hash;
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        return h ^ (h >>> 16);
    }

    /** The number of live records. */
    final int size() {
        return live;
    }

    /** The hash of the live record at {@code offset}, as its lookups compute it. */
    abstract int hashOf(Object[] records, int offset);

    /** Writes a new record (writer only): {@code record[0]} is its key, published last. */
    final void insert(int hash, Object... record) {
        makeRoomForOne();
        Object[] current = records;
        int offset = freeOffset(current, hash);
        for (int field = 1; field < width; field++) {
            current[offset + field] = record[field];
        }
        RECORDS.setRelease(current, offset, record[0]);
        occupied++;
        live++;
    }

    /** Marks the live record at {@code offset} of the current array removed (writer only). */
    final void removeAt(int offset) {
        RECORDS.setRelease(records, offset, REMOVED);
        live--;
    }

    private void makeRoomForOne() {
        Object[] old = records;
        if ((occupied + 1) * 2 <= old.length / width) {
            return;
        }
        int capacity = MIN_CAPACITY;
        while ((live + 1) * 4 > capacity) {
            capacity *= 2;
        }
        Object[] fresh = new Object[capacity * width];
        for (int offset = 0; offset < old.length; offset += width) {
            Object key = old[offset];
            if (key != null && key != REMOVED) {
                System.arraycopy(old, offset, fresh, freeOffset(fresh, hashOf(old, offset)), width);
            }
        }
        occupied = live;
        records = fresh;
    }

    private int freeOffset(Object[] array, int hash) {
        int mask = array.length / width - 1;
        int slot = mix(hash) & mask;
        while (array[slot * width] != null) {
            slot = (slot + 1) & mask;
        }
        return slot * width;
    }
}
