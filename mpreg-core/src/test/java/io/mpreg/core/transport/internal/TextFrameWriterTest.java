package io.mpreg.core.transport.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;

import io.mpreg.core.transport.QueuedFrames;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TextFrameWriterTest {

    private final TransportCounters counters = new TransportCounters();
    private final TextFrameWriter writer = new TextFrameWriter(TextFrameEncoder.unmasked(), counters);
    private final FlushCounter flushes = new FlushCounter();
    private final EmbeddedChannel channel = new EmbeddedChannel(flushes, writer);

    /** Counts the flushes that reach the socket side. */
    private static final class FlushCounter extends ChannelOutboundHandlerAdapter {
        int count;

        @Override
        public void flush(ChannelHandlerContext ctx) {
            count++;
            ctx.flush();
        }
    }

    @AfterEach
    void closeChannel() {
        channel.finishAndReleaseAll();
    }

    private static List<String> numbered(int count, int width) {
        return IntStream.range(0, count).mapToObj(i -> String.format("%0" + width + "d", i)).toList();
    }

    @Test
    void aBurstOfSendsIsWrittenAsOneBufferAndFlushedOnce() {
        List<String> burst = numbered(100, 150);

        burst.forEach(writer::send);
        channel.runPendingTasks();

        List<ByteBuf> buffers = PeerDecoder.outbound(channel);
        assertThat(buffers).hasSize(1);
        assertThat(flushes.count).isEqualTo(1);
        assertThat(PeerDecoder.texts(buffers)).containsExactlyElementsOf(burst);
        assertThat(counters.snapshot().framesOut()).isEqualTo(100);
    }

    @Test
    void aTextSentAfterADrainIsFlushedByTheNextOne() {
        writer.send("first");
        channel.runPendingTasks();
        writer.send("second");
        channel.runPendingTasks();

        assertThat(PeerDecoder.texts(PeerDecoder.outbound(channel))).containsExactly("first", "second");
        assertThat(flushes.count).isEqualTo(2);
    }

    @Test
    void aLargeBurstIsPackedIntoBuffersOfBoundedSize() {
        List<String> burst = numbered(2_000, 200);

        burst.forEach(writer::send);
        channel.runPendingTasks();

        List<ByteBuf> buffers = PeerDecoder.outbound(channel);
        assertThat(buffers).hasSizeGreaterThan(1)
                .allSatisfy(buffer -> assertThat(buffer.readableBytes()).isLessThanOrEqualTo(TextFrameWriter.BATCH_BYTES));
        assertThat(PeerDecoder.texts(buffers)).containsExactlyElementsOf(burst);
    }

    @Test
    void aTextLargerThanABatchGetsABufferOfItsOwn() {
        String large = "x".repeat(3 * TextFrameWriter.BATCH_BYTES);

        writer.send("small");
        writer.send(large);
        channel.runPendingTasks();

        assertThat(PeerDecoder.texts(PeerDecoder.outbound(channel))).containsExactly("small", large);
    }

    @Test
    void textsWaitWhileTheChannelIsNotWritableAndFollowOnceItIs() {
        channel.unsafe().outboundBuffer().setUserDefinedWritability(1, false);
        writer.send("held back");
        channel.runPendingTasks();
        assertThat(PeerDecoder.outbound(channel)).isEmpty();

        channel.unsafe().outboundBuffer().setUserDefinedWritability(1, true);
        channel.runPendingTasks();

        assertThat(PeerDecoder.texts(PeerDecoder.outbound(channel))).containsExactly("held back");
    }

    @Test
    void nothingIsSentAfterACloseFrame() {
        writer.send("queued before the close");
        channel.writeOutbound(new CloseWebSocketFrame());
        channel.runPendingTasks();

        assertThat(writer.send("after the close")).isFalse();
        channel.runPendingTasks();
        Object closeFrame = channel.readOutbound();
        assertThat(closeFrame).isInstanceOf(CloseWebSocketFrame.class);
        ((CloseWebSocketFrame) closeFrame).release();
        assertThat(PeerDecoder.outbound(channel)).isEmpty();
        assertThat(counters.snapshot().framesOut()).isZero();
    }

    @Test
    void sendsAreRefusedOnceTheChannelIsClosed() {
        channel.close();

        assertThat(writer.send("too late")).isFalse();
    }

    @Test
    void eachDrainReportsHowManyFramesItWrote() {
        List<Integer> reported = new ArrayList<>();
        writer.onWritten(reported::add);

        numbered(3, 4).forEach(writer::send);
        channel.runPendingTasks();
        writer.send("one more");
        channel.runPendingTasks();

        assertThat(reported).containsExactly(3, 1);
    }

    @Test
    void whenDrainedRunsOnlyOnceEverythingQueuedHasBeenFlushed() {
        List<String> events = new ArrayList<>();
        channel.unsafe().outboundBuffer().setUserDefinedWritability(1, false);
        writer.send("waiting");
        writer.whenDrained(() -> events.add("drained after " + flushes.count + " flush(es)"));
        channel.runPendingTasks();
        assertThat(events).isEmpty();

        channel.unsafe().outboundBuffer().setUserDefinedWritability(1, true);
        channel.runPendingTasks();

        assertThat(events).containsExactly("drained after 1 flush(es)");
        assertThat(PeerDecoder.texts(PeerDecoder.outbound(channel))).containsExactly("waiting");
    }

    @Test
    void whenDrainedRunsAtOnceOnceTheWriterHasStopped() {
        List<String> events = new ArrayList<>();
        channel.writeOutbound(new CloseWebSocketFrame());

        writer.whenDrained(() -> events.add("drained"));
        channel.runPendingTasks();

        assertThat(events).containsExactly("drained");
    }

    @Test
    void aWokenSourceIsPulledAfterTheSentTextsIntoTheSameFlush() {
        QueuedFrames source = new QueuedFrames();
        Runnable wake = writer.attach(source);
        List<String> pushed = numbered(3 * TextFrameWriter.PULL_AT_MOST + 5, 100);

        writer.send("a reply");
        source.add(pushed.toArray(CharSequence[]::new));
        wake.run();
        channel.runPendingTasks();

        List<String> expected = new ArrayList<>(List.of("a reply"));
        expected.addAll(pushed);
        assertThat(PeerDecoder.texts(PeerDecoder.outbound(channel))).containsExactlyElementsOf(expected);
        assertThat(flushes.count).isEqualTo(1);
        assertThat(source.pulls()).isEqualTo(4);
        assertThat(counters.snapshot().framesOut()).isEqualTo(expected.size());
    }

    @Test
    void aSourceIsPulledOnlyWhenWokenAndOnlyWhileTheChannelIsWritable() {
        QueuedFrames source = new QueuedFrames();
        Runnable wake = writer.attach(source);
        source.add("waiting in its source");
        writer.send("a reply");
        channel.runPendingTasks();
        assertThat(source.pulls()).isZero();

        channel.unsafe().outboundBuffer().setUserDefinedWritability(1, false);
        wake.run();
        channel.runPendingTasks();
        assertThat(source.pulls()).isZero();

        channel.unsafe().outboundBuffer().setUserDefinedWritability(1, true);
        channel.runPendingTasks();

        assertThat(source.pulls()).isEqualTo(1);
        assertThat(PeerDecoder.texts(PeerDecoder.outbound(channel))).containsExactly("a reply", "waiting in its source");
    }

    @Test
    void aWakeUpDuringAPullIsNotLost() {
        QueuedFrames late = new QueuedFrames();
        Runnable lateWake = writer.attach(late);
        AtomicBoolean arrived = new AtomicBoolean();
        Runnable firstWake = writer.attach((sink, max) -> {
            // Another thread's frames arrive while this source is pulled, after the late one was pulled empty.
            if (arrived.compareAndSet(false, true)) {
                late.add("arrived during a pull");
                lateWake.run();
            }
            return false;
        });

        firstWake.run();
        channel.runPendingTasks();

        assertThat(PeerDecoder.texts(PeerDecoder.outbound(channel))).containsExactly("arrived during a pull");
    }

    @Test
    void onlySentTextsAreReportedAsWritten() {
        List<Integer> reported = new ArrayList<>();
        writer.onWritten(reported::add);
        QueuedFrames source = new QueuedFrames();
        Runnable wake = writer.attach(source);

        writer.send("a reply");
        source.add(numbered(10, 3).toArray(CharSequence[]::new));
        wake.run();
        channel.runPendingTasks();

        assertThat(reported).containsExactly(1);
        assertThat(PeerDecoder.texts(PeerDecoder.outbound(channel))).hasSize(11);
    }

    @Test
    void sourcesAreNoLongerPulledOnceTheChannelIsClosed() {
        QueuedFrames source = new QueuedFrames();
        Runnable wake = writer.attach(source);
        channel.close();

        source.add("too late");
        wake.run();
        channel.runPendingTasks();

        assertThat(source.pulls()).isZero();
    }
}
