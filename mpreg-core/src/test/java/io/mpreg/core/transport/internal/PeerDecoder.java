package io.mpreg.core.transport.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocket08FrameDecoder;

/** Decodes written frames with Netty's own decoder, as the peer would. */
final class PeerDecoder {

    private PeerDecoder() {
    }

    /** The buffers a channel's handlers wrote, in order. */
    static List<ByteBuf> outbound(EmbeddedChannel channel) {
        List<ByteBuf> buffers = new ArrayList<>();
        for (Object message; (message = channel.readOutbound()) != null; ) {
            buffers.add((ByteBuf) message);
        }
        return buffers;
    }

    /** The texts of the complete unmasked (server) text frames in {@code buffers} (released), in order. */
    static List<String> texts(List<ByteBuf> buffers) {
        return texts(Unpooled.wrappedBuffer(buffers.toArray(ByteBuf[]::new)), false);
    }

    /** The texts of the complete text frames in {@code bytes} (released), in order. */
    static List<String> texts(ByteBuf bytes, boolean expectMasked) {
        EmbeddedChannel peer = new EmbeddedChannel(new WebSocket08FrameDecoder(expectMasked, false, 1 << 20));
        peer.writeInbound(bytes);
        List<String> texts = new ArrayList<>();
        for (Object frame; (frame = peer.readInbound()) != null; ) {
            TextWebSocketFrame text = (TextWebSocketFrame) frame;
            assertThat(text.isFinalFragment()).isTrue();
            texts.add(text.text());
            text.release();
        }
        peer.finishAndReleaseAll();
        return texts;
    }
}
