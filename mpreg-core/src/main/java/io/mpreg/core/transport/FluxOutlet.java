package io.mpreg.core.transport;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;

/**
 * A {@link ConnectionOutlet} for a transport that takes frames as a
 * {@code Flux}, such as a {@link ConnectionHandler#handle} caller: the frames
 * of its sources are pulled only as that {@code Flux} is requested, in the
 * order each source gives them. After {@link #complete} it completes once
 * its sources have handed out everything they hold; after {@link #fail} it
 * fails at once.
 */
public final class FluxOutlet implements ConnectionOutlet {

    private static final int PULL_AT_MOST = 64;

    private final List<FrameSource> sources = new CopyOnWriteArrayList<>();
    private final AtomicInteger drainers = new AtomicInteger();
    private final AtomicBoolean subscribed = new AtomicBoolean();
    private final Runnable wake = this::drain;
    private final Flux<CharSequence> frames;
    private volatile @Nullable FluxSink<CharSequence> sink;
    private volatile boolean completing;
    private volatile @Nullable Throwable failure;

    public FluxOutlet() {
        // Never more is emitted than requested, so the sink needs no buffer of its own.
        frames = Flux.create(this::subscribed, FluxSink.OverflowStrategy.ERROR);
    }

    /** The frames of every attached source; one subscriber only. It ends only after {@link #complete} or {@link #fail}. */
    public Flux<CharSequence> frames() {
        return frames;
    }

    /** Completes the frames once the sources have nothing more to hand out; callable from any thread. */
    public void complete() {
        completing = true;
        drain();
    }

    /** Fails the frames at once, with what the sources still hold left unpulled; callable from any thread. */
    public void fail(Throwable error) {
        failure = Objects.requireNonNull(error, "error");
        drain();
    }

    @Override
    public Runnable attach(FrameSource source) {
        sources.add(Objects.requireNonNull(source, "source"));
        return wake;
    }

    private void subscribed(FluxSink<CharSequence> newSink) {
        if (!subscribed.compareAndSet(false, true)) {
            newSink.error(new IllegalStateException("an outlet's frames allow only one subscriber"));
            return;
        }
        newSink.onRequest(n -> drain());
        newSink.onDispose(sources::clear);
        sink = newSink;
        drain();
    }

    // Whoever raises the count from 0 pulls for everyone who woke it meanwhile, so sources are
    // never pulled concurrently and a wake-up during a pull is never lost.
    private void drain() {
        if (drainers.getAndIncrement() != 0) {
            return;
        }
        int missed = 1;
        do {
            FluxSink<CharSequence> current = sink;
            if (current != null) {
                pullRequested(current);
            }
            missed = drainers.addAndGet(-missed);
        } while (missed != 0);
    }

    // Completing is read before a pass: a pass that finds every source empty after it was set ends the frames.
    private void pullRequested(FluxSink<CharSequence> current) {
        while (!current.isCancelled()) {
            Throwable error = failure;
            if (error != null) {
                current.error(error);
                return;
            }
            boolean finishing = completing;
            boolean more = false;
            for (FrameSource source : sources) {
                int max = (int) Math.min(PULL_AT_MOST, current.requestedFromDownstream());
                if (max == 0) {
                    return;
                }
                more |= source.pull(current::next, max);
            }
            if (!more) {
                if (finishing) {
                    current.complete();
                }
                return;
            }
        }
    }
}
