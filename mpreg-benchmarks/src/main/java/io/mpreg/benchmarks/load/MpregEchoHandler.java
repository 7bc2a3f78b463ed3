package io.mpreg.benchmarks.load;

import java.util.concurrent.CompletableFuture;
import java.util.function.LongSupplier;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import org.jspecify.annotations.Nullable;

/**
 * The closed loop itself, on the connection's event loop: each reply is
 * timed, and its slot's next request is written at once; everything written
 * while one read batch is handled leaves in one flush, so at high load many
 * frames share one system call.
 *
 * <p>All fields are touched by the event loop thread only, except the counters
 * read by the driving thread (volatile).
 */
final class MpregEchoHandler extends ChannelInboundHandlerAdapter {

    private final EchoRequestFrames frames;
    private final LatencyRecorder recorder;
    private final LongSupplier nanoTime;
    private final long[] sentAtNanos;
    private final long[] expectedSequence;
    private final CompletableFuture<Void> drained = new CompletableFuture<>();

    private @Nullable ChannelHandlerContext context;
    private long nextSequence;
    private int outstanding;
    private boolean stopping;
    private boolean unflushed;
    private volatile long sent;
    private volatile long completed;

    MpregEchoHandler(EchoRequestFrames frames, int inFlight, LatencyRecorder recorder, LongSupplier nanoTime) {
        this.frames = frames;
        this.recorder = recorder;
        this.nanoTime = nanoTime;
        this.sentAtNanos = new long[inFlight];
        this.expectedSequence = new long[inFlight];
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.context = ctx;
        // Reactor Netty reads only on demand from its inbound Flux, which this handler
        // bypasses: read whenever data is there instead.
        ctx.channel().config().setAutoRead(true);
    }

    /** Fills every slot; call on the event loop. */
    void startAll() {
        ChannelHandlerContext ctx = requireContext();
        for (int slot = 0; slot < sentAtNanos.length; slot++) {
            send(ctx, slot);
        }
        ctx.flush();
    }

    /** Stops refilling; completes {@link #drained()} when the last reply is in. Call on the event loop. */
    void stopRefilling() {
        stopping = true;
        if (outstanding == 0) {
            drained.complete(null);
        }
    }

    CompletableFuture<Void> drained() {
        return drained;
    }

    long sent() {
        return sent;
    }

    long completed() {
        return completed;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof TextWebSocketFrame)) {
            ctx.fireChannelRead(msg);
            return;
        }
        TextWebSocketFrame frame = (TextWebSocketFrame) msg;
        try {
            onReply(ctx, frame.content());
        } finally {
            frame.release();
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        if (unflushed) {
            unflushed = false;
            ctx.flush();
        }
        ctx.fireChannelReadComplete();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        drained.completeExceptionally(new IllegalStateException(
                "connection closed with " + outstanding + " requests in flight"));
        ctx.fireChannelInactive();
    }

    private void onReply(ChannelHandlerContext ctx, ByteBuf reply) {
        long now = nanoTime.getAsLong();
        long id = ReplyScanner.id(reply);
        int slot = id == ReplyScanner.NO_ID ? -1 : EchoRequestFrames.slotOf(id);
        if (slot < 0 || slot >= sentAtNanos.length
                || EchoRequestFrames.sequenceOf(id) != expectedSequence[slot]) {
            // A reply that answers nothing outstanding: counted, but it frees no slot.
            recorder.recordError();
            return;
        }
        completed++;
        outstanding--;
        if (ReplyScanner.isFailure(reply)) {
            recorder.recordError();
        } else {
            recorder.recordSuccess(now - sentAtNanos[slot]);
        }
        if (!stopping) {
            send(ctx, slot);
            unflushed = true;
        } else if (outstanding == 0) {
            drained.complete(null);
        }
    }

    private void send(ChannelHandlerContext ctx, int slot) {
        long sequence = nextSequence++;
        expectedSequence[slot] = sequence;
        ByteBuf text = ctx.alloc().ioBuffer(frames.length());
        frames.write(text, EchoRequestFrames.id(slot, sequence));
        sentAtNanos[slot] = nanoTime.getAsLong();
        ctx.write(new TextWebSocketFrame(text), ctx.voidPromise());
        outstanding++;
        sent++;
    }

    private ChannelHandlerContext requireContext() {
        ChannelHandlerContext ctx = context;
        if (ctx == null) {
            throw new IllegalStateException("handler is not in a pipeline");
        }
        return ctx;
    }
}
