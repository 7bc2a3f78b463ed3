package io.mpreg.core.transport;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import io.netty.util.concurrent.FastThreadLocal;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Work that may wait until the thread has served every frame of its current
 * socket read. A network event loop reads many frames at once; work queued
 * here while it serves them (such as waking another connection's writer)
 * runs once after the last of them, so one read of a hundred publishes wakes
 * each subscriber's connection once instead of a hundred times.
 *
 * <p>The transport opens and closes a batch around each read of its
 * connections; on any other thread, or outside a read, {@link #atEnd} runs
 * the action at once. An action queued several times in one batch (the same
 * object) runs once.
 *
 * <p>The frames of one read also share one reading of the clock
 * ({@link #millis}): a read is served in well under a millisecond, and
 * reading the clock for each of a hundred frames costs more than serving
 * some of them.
 */
public final class ReadBatch {

    private static final Logger log = LoggerFactory.getLogger(ReadBatch.class);
    // Netty's thread local: on its event loops (where batches are open) a lookup is an array
    // index rather than a hash probe, and it is made for every notification queued.
    private static final FastThreadLocal<ReadBatch> CURRENT = new FastThreadLocal<>() {
        @Override
        protected ReadBatch initialValue() {
            return new ReadBatch();
        }
    };

    private final Set<Runnable> pending = Collections.newSetFromMap(new IdentityHashMap<>());
    // The action queued last: a read of many publishes to one subscriber queues the same wake-up
    // for each, and this spares those repeats the set's hashing.
    private @Nullable Runnable lastQueued;
    private int depth;
    // The clock read in this batch, and what it read; forgotten when the batch ends.
    private @Nullable Clock timedBy;
    private long millis;

    private ReadBatch() {
    }

    /** Runs the action when this thread's read batch ends, or at once if none is open. */
    public static void atEnd(Runnable action) {
        Objects.requireNonNull(action, "action");
        ReadBatch batch = CURRENT.get();
        if (batch.depth == 0) {
            action.run();
        } else if (action != batch.lastQueued) {
            batch.pending.add(action);
            batch.lastQueued = action;
        }
    }

    /**
     * The clock's time in epoch milliseconds as of this thread's read batch:
     * read at the first call in the batch, then the same until it ends.
     * Outside a batch, the clock is read at each call.
     */
    public static long millis(Clock clock) {
        ReadBatch batch = CURRENT.get();
        if (batch.depth == 0) {
            return clock.millis();
        }
        if (batch.timedBy != clock) {
            batch.millis = clock.millis();
            batch.timedBy = clock;
        }
        return batch.millis;
    }

    /** Opens a batch on this thread (batches nest; the outermost one runs the queued work). */
    public static void open() {
        CURRENT.get().depth++;
    }

    /** Closes a batch on this thread; closing the outermost one runs the work queued in it. */
    public static void close() {
        ReadBatch batch = CURRENT.get();
        if (batch.depth == 0) {
            return;
        }
        if (--batch.depth == 0) {
            batch.timedBy = null;
            batch.lastQueued = null;
            batch.runPending();
        }
    }

    // An action may queue more work while it runs (it then runs at once: the batch is closed).
    private void runPending() {
        if (pending.isEmpty()) {
            return;
        }
        List<Runnable> due = new ArrayList<>(pending);
        pending.clear();
        for (Runnable action : due) {
            try {
                action.run();
            } catch (RuntimeException e) {
                log.error("Work deferred to the end of a read batch failed", e);
            }
        }
    }
}
