package io.mpreg.core.transport.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

class TextFeedTest {

    private static final int TEXTS = 5 * TextFeed.WINDOW;

    private final TextFrameWriter writer = new TextFrameWriter(TextFrameEncoder.unmasked(), new TransportCounters());
    private final EmbeddedChannel channel = new EmbeddedChannel(writer);
    private final AtomicInteger emitted = new AtomicInteger();
    private final Flux<String> texts = Flux.range(0, TEXTS).map(String::valueOf).doOnNext(text -> emitted.incrementAndGet());

    @AfterEach
    void closeChannel() {
        channel.finishAndReleaseAll();
    }

    private List<String> written() {
        return PeerDecoder.texts(PeerDecoder.outbound(channel));
    }

    @Test
    void aPeerThatDoesNotReadHoldsTheSourceBackByAWindow() {
        channel.unsafe().outboundBuffer().setUserDefinedWritability(1, false);
        TextFeed feed = new TextFeed(writer);

        texts.subscribe(feed);
        channel.runPendingTasks();

        assertThat(emitted).hasValue(TextFeed.WINDOW);
        assertThat(feed.done().currentSubscriberCount()).isZero();
    }

    @Test
    void everyTextIsWrittenInOrderAndThenTheFeedIsDone() {
        TextFeed feed = new TextFeed(writer);
        AtomicInteger doneSignals = new AtomicInteger();
        feed.done().asMono().subscribe(null, null, doneSignals::incrementAndGet);

        texts.subscribe(feed);
        for (int turn = 0; turn < 1_000 && doneSignals.get() == 0; turn++) {
            channel.runPendingTasks();
        }

        assertThat(doneSignals).hasValue(1);
        assertThat(written()).containsExactlyElementsOf(Flux.range(0, TEXTS).map(String::valueOf).toIterable());
    }

    @Test
    void aClosingConnectionEndsTheFeedAndCancelsTheSource() {
        TextFeed feed = new TextFeed(writer);
        AtomicInteger cancelled = new AtomicInteger();
        channel.writeOutbound(new CloseWebSocketFrame());
        AtomicInteger doneSignals = new AtomicInteger();
        feed.done().asMono().subscribe(null, null, doneSignals::incrementAndGet);

        Flux.<String>never().startWith("late").doOnCancel(cancelled::incrementAndGet).subscribe(feed);

        assertThat(doneSignals).hasValue(1);
        assertThat(cancelled).hasValue(1);
    }
}
