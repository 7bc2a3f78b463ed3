package io.mpreg.core.transport.internal;

import java.util.function.Function;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import org.jspecify.annotations.Nullable;

/**
 * Hands the complete inbound text messages over right where their frames are
 * decoded, all those of one socket read at once when the read completes,
 * instead of through Reactor Netty's inbound queue and an operator chain per frame. Data frames stop here (read, then released);
 * control frames (ping, pong, close) go on to Reactor Netty, which answers
 * and closes as before. Sits in the pipeline just before Reactor Netty's bridge.
 */
final class TextFrameReader extends ChannelInboundHandlerAdapter {

    static final String NAME = "mpreg.textFrameReader";

    private final Function<WebSocketFrame, @Nullable String> read;
    private final InboundMessages messages;

    /**
     * @param read     turns a data frame into its complete message, or {@code null} when none is complete yet
     * @param messages receives the complete messages
     */
    TextFrameReader(Function<WebSocketFrame, @Nullable String> read, InboundMessages messages) {
        this.read = read;
        this.messages = messages;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object message) {
        if (!(message instanceof TextWebSocketFrame || message instanceof BinaryWebSocketFrame
                || message instanceof ContinuationWebSocketFrame)) {
            ctx.fireChannelRead(message);
            return;
        }
        WebSocketFrame frame = (WebSocketFrame) message;
        String text;
        try {
            text = read.apply(frame);
        } finally {
            frame.release();
        }
        if (text != null) {
            messages.add(text);
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        messages.deliver();
        ctx.fireChannelReadComplete();
    }
}
