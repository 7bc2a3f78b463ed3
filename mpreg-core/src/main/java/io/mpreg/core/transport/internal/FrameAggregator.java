package io.mpreg.core.transport.internal;

import java.io.ByteArrayOutputStream;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import org.jspecify.annotations.Nullable;

/**
 * Joins the fragments of one message that Netty's decoder read into its
 * UTF-8 bytes, enforcing the size limit on the whole message. Only frames
 * read before the transport's own decoder took over come this way.
 *
 * <p>One instance per connection, fed serially from its inbound; it copies
 * what it keeps, since Netty releases each frame after it is handed over.
 * Binary messages are handed over like text ones: the protocol carries JSON only.
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
     * @return the message's UTF-8 bytes when this frame completes it, else {@code null}
     *         (a fragment kept for later, or a control frame)
     * @throws FrameTooLargeException when the message exceeds the limit
     */
    byte @Nullable [] accept(WebSocketFrame frame) {
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
                return ByteBufUtil.getBytes(content);
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
        return pending.toByteArray();
    }
}
