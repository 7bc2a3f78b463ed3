package io.mpreg.core.transport.internal;

import java.util.Arrays;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

import io.mpreg.core.transport.FrameSource;
import io.mpreg.core.transport.Utf8Text;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.util.internal.PlatformDependent;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes text messages handed over from any thread as text frames, in the
 * order each thread handed them over, with few event-loop wakeups and flushes.
 *
 * <p>{@link #send} only queues the text; the first send into an empty queue
 * schedules one drain on the channel's event loop, which encodes everything
 * queued by then into as few buffers as fit, writes them and flushes once.
 * So a burst of sends costs one task, one flush and one socket write, and no
 * frame is left unflushed: a drain ends with a flush and re-checks the queue.
 * While the channel is not writable (the peer reads slowly) the texts stay
 * queued and the drain resumes when it becomes writable again.
 *
 * <p>Besides the texts sent to it, a drain pulls frames from the
 * {@linkplain #attach attached sources} once the queue is empty, as long as
 * the channel stays writable: their frames wait in their source, not here.
 *
 * <p>Once a close frame has been written (by whichever side) or the channel
 * is gone, sends are refused and queued texts dropped: nothing may follow a
 * close frame. Sits in the pipeline just before Reactor Netty's bridge, so
 * the close frames that bridge writes pass through it.
 */
final class TextFrameWriter extends ChannelDuplexHandler {

    static final String NAME = "mpreg.textFrameWriter";
    private static final Logger log = LoggerFactory.getLogger(TextFrameWriter.class);

    /** Frames are packed into buffers of up to this size (larger single frames get their own). */
    static final int BATCH_BYTES = 64 * 1024;
    /** One drain writes at most this much before it lets the event loop serve its other channels. */
    private static final int DRAIN_BYTES = 4 * BATCH_BYTES;
    /** Frames pulled from a source at a time, between checks of the drain's budget. */
    static final int PULL_AT_MOST = 64;
    private static final FrameSource[] NO_SOURCES = {};

    private final TextFrameEncoder encoder;
    private final TransportCounters counters;
    private final Queue<CharSequence> queue = PlatformDependent.newMpscQueue();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final Runnable drainTask = this::drain;
    // Copied on attach, which is rare; read on every drain, which then allocates no iterator.
    private volatile FrameSource[] sources = NO_SOURCES;
    private final Object sourcesLock = new Object();
    private final Runnable wake = this::wake;
    // Raised by a source's wake-up before it schedules a drain; lowered by the drain before it pulls.
    private volatile boolean sourcesReady;
    private volatile boolean accepting = true;
    private volatile @Nullable ChannelHandlerContext context;
    private volatile IntConsumer written = frames -> { };
    private boolean awaitingWritability;
    // Set and run on the event loop.
    private @Nullable Runnable whenEmpty;

    TextFrameWriter(TextFrameEncoder encoder, TransportCounters counters) {
        this.encoder = encoder;
        this.counters = counters;
    }

    /**
     * Queues one text frame; callable from any thread.
     *
     * @return {@code false} once a close frame was written or the channel is gone
     */
    boolean send(CharSequence text) {
        ChannelHandlerContext ctx = context;
        if (!accepting || ctx == null) {
            return false;
        }
        queue.offer(text);
        return schedule(ctx);
    }

    /**
     * Has every drain pull from {@code source} once the queued texts are
     * written, until the channel is gone; callable from any thread.
     *
     * @return the source's wake-up: schedules a drain that pulls from it
     */
    Runnable attach(FrameSource source) {
        Objects.requireNonNull(source, "source");
        synchronized (sourcesLock) {
            FrameSource[] grown = Arrays.copyOf(sources, sources.length + 1);
            grown[grown.length - 1] = source;
            sources = grown;
        }
        return wake;
    }

    private void wake() {
        // Read first: while a pull is due, wake-ups leave the flag's cache line shared.
        if (!sourcesReady) {
            sourcesReady = true;
        }
        ChannelHandlerContext ctx = context;
        if (accepting && ctx != null) {
            schedule(ctx);
        }
    }

    // False once the event loop refuses work: the channel is gone.
    private boolean schedule(ChannelHandlerContext ctx) {
        // Read before the compare-and-set: while a drain is due, senders leave its cache line shared.
        if (!scheduled.get() && scheduled.compareAndSet(false, true)) {
            try {
                ctx.executor().execute(drainTask);
            } catch (RejectedExecutionException shutDown) {
                stop();
                return false;
            }
        }
        return true;
    }

    /**
     * Tells {@code listener}, on the event loop, how many frames each drain
     * wrote: a source of texts that must not run far ahead of the socket
     * requests that many more.
     */
    void onWritten(IntConsumer listener) {
        written = Objects.requireNonNull(listener, "listener");
    }

    /**
     * Runs {@code action} on the event loop once every text queued so far has
     * been written and flushed, or at once when nothing more will be.
     */
    void whenDrained(Runnable action) {
        ChannelHandlerContext ctx = context;
        if (ctx == null) {
            action.run();
            return;
        }
        try {
            ctx.executor().execute(() -> {
                if (!accepting) {
                    action.run();
                    return;
                }
                whenEmpty = action;
                if (!awaitingWritability) {
                    drain();
                }
            });
        } catch (RejectedExecutionException shutDown) {
            action.run();
        }
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        context = ctx;
        if (sourcesReady || !queue.isEmpty()) {
            schedule(ctx);
        }
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        stop();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        stop();
        ctx.fireChannelInactive();
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object message, ChannelPromise promise) {
        if (message instanceof CloseWebSocketFrame) {
            accepting = false;
        }
        ctx.write(message, promise);
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (awaitingWritability && ctx.channel().isWritable()) {
            awaitingWritability = false;
            drain();
        }
        ctx.fireChannelWritabilityChanged();
    }

    private void stop() {
        accepting = false;
        queue.clear();
        synchronized (sourcesLock) {
            sources = NO_SOURCES;
        }
        runWhenEmpty();
    }

    private void runWhenEmpty() {
        Runnable action = whenEmpty;
        if (action != null) {
            whenEmpty = null;
            action.run();
        }
    }

    // Runs on the event loop only. `scheduled` stays set while a drain is due (queued as a task, or
    // waiting for writability), so senders schedule nothing more; it is cleared only with the queue
    // seen empty, and re-checked after clearing, so a text queued meanwhile is never stranded.
    private void drain() {
        ChannelHandlerContext ctx = context;
        if (ctx == null) {
            return;
        }
        Batch batch = new Batch(ctx);
        try {
            drainInto(batch);
        } catch (RuntimeException failure) {
            // A writer that failed half-way cannot promise order any more: the connection ends.
            log.warn("Writing frames to {} failed; closing the connection", ctx.channel().remoteAddress(), failure);
            stop();
            batch.discardUnwritten();
            ctx.close();
        }
    }

    private void drainInto(Batch batch) {
        ChannelHandlerContext ctx = batch.ctx;
        // Only sent texts are reported as written: what their sender may send more of.
        int sentWritten = 0;
        while (accepting) {
            if (batch.writtenBytes >= DRAIN_BYTES || !ctx.channel().isWritable()) {
                batch.flush();
                reportWritten(sentWritten);
                if (!ctx.channel().isWritable()) {
                    awaitingWritability = true;
                } else {
                    ctx.executor().execute(drainTask);
                }
                return;
            }
            CharSequence text = queue.poll();
            if (text != null) {
                batch.accept(text);
                sentWritten++;
                continue;
            }
            if (sourcesReady) {
                sourcesReady = false;
                if (pullSources(batch)) {
                    sourcesReady = true;
                }
                continue;
            }
            scheduled.set(false);
            if ((queue.isEmpty() && !sourcesReady) || !scheduled.compareAndSet(false, true)) {
                break;
            }
        }
        if (!accepting) {
            queue.clear();
            batch.discardUnwritten();
        }
        batch.flush();
        runWhenEmpty();
        reportWritten(sentWritten);
    }

    // Whether any source stopped at its limit and may have more at once.
    private boolean pullSources(Batch batch) {
        boolean more = false;
        batch.pulling = true;
        for (FrameSource source : sources) {
            more |= source.pull(batch, PULL_AT_MOST);
        }
        batch.pulling = false;
        return more;
    }

    private void reportWritten(int frames) {
        if (frames > 0) {
            written.accept(frames);
        }
    }

    /** The frames of one drain: packed into buffers, written buffer by buffer, flushed at the end. */
    private final class Batch implements Consumer<CharSequence> {

        private final ChannelHandlerContext ctx;
        private @Nullable ByteBuf buffer;
        private int bufferedFrames;
        private int writtenFrames;
        private int writtenBytes;
        // While pulling, a source's next frames are likely to follow: buffers are sized for them too.
        private boolean pulling;

        Batch(ChannelHandlerContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public void accept(CharSequence text) {
            Utf8Text payload = Utf8Text.of(text);
            int size = encoder.frameSize(payload.utf8Length());
            ByteBuf current = buffer;
            if (current != null && current.writableBytes() < size) {
                writeBuffer();
                current = null;
            }
            if (current == null) {
                int expected = pulling ? PULL_AT_MOST : queue.size();
                current = ctx.alloc().directBuffer(Math.max(size, Math.min(BATCH_BYTES, size * (1 + expected))));
                buffer = current;
            }
            encoder.write(payload, current);
            bufferedFrames++;
        }

        void discardUnwritten() {
            ByteBuf current = buffer;
            if (current != null) {
                current.release();
                buffer = null;
                bufferedFrames = 0;
            }
        }

        /** Writes what is buffered and flushes. */
        void flush() {
            writeBuffer();
            int frames = writtenFrames;
            if (frames > 0) {
                counters.framesOut(frames);
                writtenFrames = 0;
                ctx.flush();
            }
        }

        private void writeBuffer() {
            ByteBuf current = buffer;
            if (current != null) {
                buffer = null;
                writtenBytes += current.readableBytes();
                writtenFrames += bufferedFrames;
                bufferedFrames = 0;
                ctx.write(current);
            }
        }
    }
}
