package io.mpreg.core.transport.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import io.mpreg.core.transport.ReadBatch;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;

class ReadBatchHandlerTest {

    private final List<String> events = new ArrayList<>();

    /** Defers one piece of work per message, as a pub/sub publish does. */
    private final class DeferringHandler extends ChannelInboundHandlerAdapter {
        private final Runnable wake = () -> events.add("woken");

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object message) {
            events.add("read " + message);
            ReadBatch.atEnd(wake);
        }

        @Override
        public void channelReadComplete(ChannelHandlerContext ctx) {
            events.add("read complete");
        }
    }

    @Test
    void workDeferredByTheMessagesOfOneReadRunsOnceAfterTheReadCompletes() {
        EmbeddedChannel channel = new EmbeddedChannel(new ReadBatchHandler(), new DeferringHandler());

        channel.writeInbound("a", "b", "c");

        assertThat(events).containsExactly("read a", "read b", "read c", "read complete", "woken");
        channel.finishAndReleaseAll();
    }

    @Test
    void aChannelClosingInTheMiddleOfAReadStillRunsTheDeferredWork() {
        EmbeddedChannel channel = new EmbeddedChannel(new ReadBatchHandler(), new DeferringHandler());

        channel.pipeline().fireChannelRead("a");
        channel.close();

        assertThat(events).containsExactly("read a", "woken");
        ReadBatch.atEnd(() -> events.add("no batch left open"));
        assertThat(events).endsWith("no batch left open");
    }
}
