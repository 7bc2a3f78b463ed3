package io.mpreg.core.cluster.sim;

import java.time.Duration;
import java.util.PriorityQueue;
import java.util.function.BooleanSupplier;

import io.mpreg.core.cluster.ClusterScheduler;

/**
 * Virtual time for a whole simulation: one event queue, run in one thread,
 * ordered by time and then by submission, so a run replays exactly from its seed.
 */
public final class VirtualClock {

    private static final class Event implements Comparable<Event>, ClusterScheduler.Cancellable {
        final long time;
        final long order;
        final Runnable task;
        boolean cancelled;

        Event(long time, long order, Runnable task) {
            this.time = time;
            this.order = order;
            this.task = task;
        }

        @Override
        public int compareTo(Event other) {
            return time != other.time ? Long.compare(time, other.time) : Long.compare(order, other.order);
        }

        @Override
        public void cancel() {
            cancelled = true;
        }
    }

    private final PriorityQueue<Event> events = new PriorityQueue<>();
    private long now;
    private long nextOrder;
    private long executed;

    /** The current virtual time in nanoseconds since the start. */
    public long nanoTime() {
        return now;
    }

    /** The current virtual time since the start. */
    public Duration elapsed() {
        return Duration.ofNanos(now);
    }

    /** How many events have run. */
    public long executedEvents() {
        return executed;
    }

    /** Runs the task at {@code now + delay}. */
    public ClusterScheduler.Cancellable schedule(Duration delay, Runnable task) {
        return scheduleNanos(delay.toNanos(), task);
    }

    /** Runs the task after the delay in nanoseconds. */
    public ClusterScheduler.Cancellable scheduleNanos(long delayNanos, Runnable task) {
        Event event = new Event(now + Math.max(0, delayNanos), nextOrder++, task);
        events.add(event);
        return event;
    }

    /** A scheduler for one node on this clock (all nodes share the one simulation thread). */
    public ClusterScheduler scheduler() {
        return new ClusterScheduler() {
            @Override
            public long nanoTime() {
                return now;
            }

            @Override
            public Cancellable schedule(Duration delay, Runnable task) {
                return VirtualClock.this.schedule(delay, task);
            }

            @Override
            public void execute(Runnable task) {
                scheduleNanos(0, task);
            }
        };
    }

    /** Runs every event due within the given virtual duration, then sets the clock to its end. */
    public void runFor(Duration duration) {
        long end = now + duration.toNanos();
        while (!events.isEmpty() && events.peek().time <= end) {
            runNext();
        }
        now = end;
    }

    /**
     * Runs events until the condition holds (checked every {@code step} of
     * virtual time) or {@code limit} of virtual time has passed.
     *
     * @return whether the condition held
     */
    public boolean runUntil(BooleanSupplier condition, Duration limit, Duration step) {
        long end = now + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (now >= end) {
                return false;
            }
            runFor(Duration.ofNanos(Math.min(step.toNanos(), end - now)));
        }
        return true;
    }

    private void runNext() {
        Event event = events.poll();
        if (event.cancelled) {
            return;
        }
        now = event.time;
        executed++;
        event.task.run();
    }
}
