package io.mpreg.core.transport.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import org.jspecify.annotations.Nullable;

/**
 * Joins the fragments of one message into its text, enforcing the size limit
 * on the whole message (Netty's decoder enforces it on each single frame).
 *
 * <p>One instance per connection, fed serially from its inbound; it copies
 * what it keeps, since Netty releases each frame after it is handed over.
 * Binary messages are read as UTF-8 text: the protocol carries JSON only.
 */
final class FrameAggregator {

    private final int maxFrameSize;
    private @Nullable ByteArrayOutputStream fragments;

    FrameAggregator(int maxFrameSize) {
        this.maxFrameSize = maxFrameSize;
    }

    /**
     * Accepts one frame.
     *
     * @return the message's text when this frame completes it, else {@code null}
     *         (a fragment kept for later, or a control frame)
     * @throws FrameTooLargeException when the message exceeds the limit
     */
    @Nullable String accept(WebSocketFrame frame) {
        boolean data = frame instanceof TextWebSocketFrame || frame instanceof BinaryWebSocketFrame;
        if (!data && !(frame instanceof ContinuationWebSocketFrame)) {
            return null;
        }
        ByteBuf content = frame.content();
        ByteArrayOutputStream pending = fragments;
        if (pending == null) {
            if (content.readableBytes() > maxFrameSize) {
                throw new FrameTooLargeException(content.readableBytes(), maxFrameSize);
            }
            if (frame.isFinalFragment()) {
                return content.toString(StandardCharsets.UTF_8);
            }
            pending = new ByteArrayOutputStream(Math.min(maxFrameSize, content.readableBytes() * 2));
            fragments = pending;
        } else if (pending.size() + (long) content.readableBytes() > maxFrameSize) {
            fragments = null;
            throw new FrameTooLargeException(pending.size() + (long) content.readableBytes(), maxFrameSize);
        }
        pending.writeBytes(ByteBufUtil.getBytes(content));
        if (!frame.isFinalFragment()) {
            return null;
        }
        fragments = null;
        return pending.toString(StandardCharsets.UTF_8);
    }
}
