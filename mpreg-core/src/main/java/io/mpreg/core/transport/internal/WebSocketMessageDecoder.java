package io.mpreg.core.transport.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a connection's WebSocket frames (RFC 6455, section 5) straight from
 * the received bytes, in place of Netty's frame decoder: a data frame's
 * payload is copied once into its message's array and unmasked there eight
 * bytes at a time, fragments are joined, and each complete message is handed
 * over as that array, with no frame object or buffer of its own. The size limit
 * holds for the whole message and is checked from the frame headers, so an
 * oversize message is skipped as it arrives, never buffered. Binary messages
 * are handed over like text ones, as UTF-8: the protocol carries JSON only.
 *
 * <p>Control frames go on down the pipeline as Netty's frame objects, so
 * Reactor Netty answers pings and closes as before. Broken framing (reserved
 * bits or opcodes, a frame masked the wrong way for its side, a fragmented or
 * oversize control frame, a continuation out of place) is answered with a
 * close frame with 1002 and ends the connection; nothing after it is read.
 */
final class WebSocketMessageDecoder extends ByteToMessageDecoder {

    static final String NAME = "mpreg.messageDecoder";

    private static final Logger log = LoggerFactory.getLogger(WebSocketMessageDecoder.class);
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private static final int OPCODE_CONTINUATION = 0x0;
    private static final int OPCODE_TEXT = 0x1;
    private static final int OPCODE_BINARY = 0x2;
    private static final int OPCODE_CLOSE = 0x8;
    private static final int OPCODE_PING = 0x9;
    private static final int OPCODE_PONG = 0xA;
    private static final int MAX_CONTROL_PAYLOAD = 125;

    /** Where the decoded messages go, on the connection's event loop. */
    interface Messages {

        /** Bytes arrived: the peer is active. Once per socket read. */
        void activity();

        /** A complete text (or binary) message: its UTF-8 bytes, the caller's to keep. */
        void message(byte[] utf8);

        /** A message grew past the limit; its bytes are skipped. */
        void tooLarge(long size, int limit);

        /** The socket read that brought the last messages is complete. */
        void readComplete();
    }

    private final boolean masked;
    private final int maxMessageSize;
    private final Messages messages;
    // The message of a fragmented data frame sequence, joined so far.
    private byte @Nullable [] fragments;
    private int fragmentsLength;
    private boolean inFragmentedMessage;
    // The rest of a message over the limit is skipped, not kept.
    private boolean skippingMessage;
    private long bytesToSkip;
    private boolean broken;

    /**
     * @param masked         whether the peer's frames are masked: a server reads a client's frames, which must be
     * @param maxMessageSize the largest message accepted, in bytes, all fragments together
     */
    WebSocketMessageDecoder(boolean masked, int maxMessageSize, Messages messages) {
        this.masked = masked;
        this.maxMessageSize = maxMessageSize;
        this.messages = messages;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object message) throws Exception {
        messages.activity();
        super.channelRead(ctx, message);
    }

    // Not the base class's: it asks for another read when a read decoded nothing it passed on, which
    // would read on while reading is off (messages are handed over past it, not passed on).
    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        messages.readComplete();
        discardSomeReadBytes();
        ctx.fireChannelReadComplete();
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        while (!broken && in.isReadable()) {
            if (bytesToSkip > 0) {
                int skipped = (int) Math.min(bytesToSkip, in.readableBytes());
                in.skipBytes(skipped);
                bytesToSkip -= skipped;
                if (bytesToSkip > 0) {
                    return;
                }
            }
            if (!decodeFrame(ctx, in, out)) {
                break;
            }
        }
        if (broken) {
            in.skipBytes(in.readableBytes());
        }
    }

    // One frame if all of it (or, for a frame to skip, its header) has arrived; false when more bytes are needed.
    private boolean decodeFrame(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        int start = in.readerIndex();
        int readable = in.readableBytes();
        if (readable < 2) {
            return false;
        }
        int first = in.getUnsignedByte(start);
        int second = in.getUnsignedByte(start + 1);
        boolean fin = (first & 0x80) != 0;
        int opcode = first & 0x0F;
        if ((first & 0x70) != 0) {
            return violation(ctx, "reserved bits set with no extension agreed");
        }
        if (((second & 0x80) != 0) != masked) {
            return violation(ctx, masked ? "a client's frame must be masked" : "a server's frame must not be masked");
        }
        int headerLength = 2 + (masked ? 4 : 0);
        long length = second & 0x7F;
        if (length == 126) {
            headerLength += 2;
            if (readable < headerLength) {
                return false;
            }
            length = in.getUnsignedShort(start + 2);
        } else if (length == 127) {
            headerLength += 8;
            if (readable < headerLength) {
                return false;
            }
            length = in.getLong(start + 2);
            if (length < 0) {
                return violation(ctx, "frame length out of range");
            }
        }
        if (readable < headerLength) {
            return false;
        }
        int maskKey = masked ? in.getInt(start + headerLength - 4) : 0;
        if (opcode >= OPCODE_CLOSE) {
            return controlFrame(ctx, in, out, opcode, fin, length, headerLength, maskKey);
        }
        if (opcode == OPCODE_CONTINUATION ? !inFragmentedMessage : inFragmentedMessage) {
            return violation(ctx, inFragmentedMessage ? "a new message inside a fragmented one"
                    : "a continuation frame with no message to continue");
        }
        if (opcode != OPCODE_CONTINUATION && opcode != OPCODE_TEXT && opcode != OPCODE_BINARY) {
            return violation(ctx, "reserved opcode " + opcode);
        }
        long messageSize = (opcode == OPCODE_CONTINUATION ? fragmentsLength : 0) + length;
        if (skippingMessage || messageSize > maxMessageSize) {
            if (!skippingMessage) {
                fragments = null;
                fragmentsLength = 0;
                skippingMessage = true;
                messages.tooLarge(messageSize, maxMessageSize);
            }
            in.skipBytes(headerLength);
            bytesToSkip = length;
            inFragmentedMessage = !fin;
            skippingMessage = !fin;
            return true;
        }
        if (readable - headerLength < length) {
            return false;
        }
        in.skipBytes(headerLength);
        dataFrame(in, (int) length, fin, maskKey);
        return true;
    }

    private void dataFrame(ByteBuf in, int length, boolean fin, int maskKey) {
        if (fin && !inFragmentedMessage) {
            byte[] payload = new byte[length];
            readUnmasked(in, payload, 0, length, maskKey);
            messages.message(payload);
            return;
        }
        byte[] joined = fragments;
        if (joined == null) {
            joined = new byte[Math.min(maxMessageSize, Math.max(2 * length, 256))];
        } else if (joined.length - fragmentsLength < length) {
            joined = Arrays.copyOf(joined, (int) Math.min(maxMessageSize, Math.max(2L * joined.length,
                    (long) fragmentsLength + length)));
        }
        readUnmasked(in, joined, fragmentsLength, length, maskKey);
        fragmentsLength += length;
        inFragmentedMessage = !fin;
        if (fin) {
            byte[] message = joined.length == fragmentsLength ? joined : Arrays.copyOf(joined, fragmentsLength);
            fragments = null;
            fragmentsLength = 0;
            messages.message(message);
        } else {
            fragments = joined;
        }
    }

    private boolean controlFrame(ChannelHandlerContext ctx, ByteBuf in, List<Object> out, int opcode, boolean fin,
                                 long length, int headerLength, int maskKey) {
        if (opcode > OPCODE_PONG) {
            return violation(ctx, "reserved opcode " + opcode);
        }
        if (!fin) {
            return violation(ctx, "a fragmented control frame");
        }
        if (length > MAX_CONTROL_PAYLOAD) {
            return violation(ctx, "a control frame longer than 125 bytes");
        }
        if (opcode == OPCODE_CLOSE && length == 1) {
            return violation(ctx, "a close frame with a one-byte payload");
        }
        if (in.readableBytes() - headerLength < length) {
            return false;
        }
        in.skipBytes(headerLength);
        byte[] payload = new byte[(int) length];
        readUnmasked(in, payload, 0, payload.length, maskKey);
        if (opcode == OPCODE_CLOSE && length >= 2 && !WebSocketCloseStatus.isValidStatusCode(closeStatus(payload))) {
            return violation(ctx, "a close frame with an invalid status code");
        }
        ByteBuf content = ctx.alloc().buffer(payload.length).writeBytes(payload);
        out.add(controlFrame(opcode, content));
        return true;
    }

    private static WebSocketFrame controlFrame(int opcode, ByteBuf content) {
        return switch (opcode) {
            case OPCODE_PING -> new PingWebSocketFrame(content);
            case OPCODE_PONG -> new PongWebSocketFrame(content);
            default -> new CloseWebSocketFrame(true, 0, content);
        };
    }

    private static int closeStatus(byte[] payload) {
        return (payload[0] & 0xFF) << 8 | payload[1] & 0xFF;
    }

    // The frame is answered with 1002 and the connection closed once that has left; the rest is never read.
    private boolean violation(ChannelHandlerContext ctx, String reason) {
        broken = true;
        fragments = null;
        log.info("Closing connection {} with 1002: {}", ctx.channel().remoteAddress(), reason);
        ctx.channel().writeAndFlush(new CloseWebSocketFrame(WebSocketCloseStatus.PROTOCOL_ERROR, reason))
                .addListener(ChannelFutureListener.CLOSE);
        return false;
    }

    // Copies the payload out in one go, then unmasks it in place: the four key bytes repeat, so
    // eight payload bytes are masked at a time with the key twice in a long (little-endian, as read).
    private static void readUnmasked(ByteBuf in, byte[] into, int offset, int length, int maskKey) {
        in.readBytes(into, offset, length);
        if (maskKey == 0) {
            return;
        }
        long keyBytes = Integer.reverseBytes(maskKey) & 0xFFFFFFFFL;
        long keyTwice = keyBytes << 32 | keyBytes;
        int i = 0;
        for (int end = length - 7; i < end; i += 8) {
            LONGS.set(into, offset + i, (long) LONGS.get(into, offset + i) ^ keyTwice);
        }
        for (; i < length; i++) {
            into[offset + i] ^= (byte) (maskKey >>> (24 - 8 * (i & 3)));
        }
    }
}
