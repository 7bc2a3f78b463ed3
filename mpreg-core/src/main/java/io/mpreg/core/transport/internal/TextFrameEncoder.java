package io.mpreg.core.transport.internal;

import java.util.function.IntSupplier;

import io.mpreg.core.transport.Utf8Text;
import io.netty.buffer.ByteBuf;

/**
 * Writes a text message as one complete WebSocket text frame (RFC 6455,
 * section 5.2) straight into a buffer that may hold many frames, so a batch
 * of small messages costs one buffer and one write instead of a frame object,
 * an encoder pass and a buffer each.
 *
 * <p>A client's frames must be masked, a server's must not be: a masking
 * encoder takes a fresh key for every frame from its key source.
 */
final class TextFrameEncoder {

    private static final int FIN_TEXT = 0x81;
    private static final int MASKED = 0x80;
    private static final int LENGTH_16_BITS = 126;
    private static final int LENGTH_64_BITS = 127;

    private final boolean masked;
    private final IntSupplier maskKeys;

    private TextFrameEncoder(boolean masked, IntSupplier maskKeys) {
        this.masked = masked;
        this.maskKeys = maskKeys;
    }

    /** An encoder for a client's frames, masked with keys from {@code maskKeys}. */
    static TextFrameEncoder masking(IntSupplier maskKeys) {
        return new TextFrameEncoder(true, maskKeys);
    }

    /** An encoder for a server's frames, unmasked. */
    static TextFrameEncoder unmasked() {
        return new TextFrameEncoder(false, () -> 0);
    }

    /** The size of the whole frame carrying a payload of this many bytes. */
    int frameSize(int payloadLength) {
        int header = payloadLength <= 125 ? 2 : payloadLength <= 0xFFFF ? 4 : 10;
        return header + (masked ? 4 : 0) + payloadLength;
    }

    /** Appends the frame carrying {@code payload} to {@code out}. */
    void write(Utf8Text payload, ByteBuf out) {
        int length = payload.utf8Length();
        int maskBit = masked ? MASKED : 0;
        out.ensureWritable(frameSize(length));
        out.writeByte(FIN_TEXT);
        if (length <= 125) {
            out.writeByte(maskBit | length);
        } else if (length <= 0xFFFF) {
            out.writeByte(maskBit | LENGTH_16_BITS);
            out.writeShort(length);
        } else {
            out.writeByte(maskBit | LENGTH_64_BITS);
            out.writeLong(length);
        }
        int key = masked ? maskKeys.getAsInt() : 0;
        if (masked) {
            out.writeInt(key);
        }
        int start = out.writerIndex();
        payload.writeUtf8(out::writeBytes);
        if (out.writerIndex() - start != length) {
            throw new IllegalStateException("frame text wrote " + (out.writerIndex() - start) + " bytes, not "
                    + length);
        }
        if (masked) {
            mask(out, start, length, key);
        }
    }

    // The key's bytes repeat every four payload bytes, so eight bytes are masked at a time
    // with the key written twice into a long (both in network order).
    private static void mask(ByteBuf out, int start, int length, int key) {
        long keyTwice = (key & 0xFFFFFFFFL) << 32 | (key & 0xFFFFFFFFL);
        int i = 0;
        for (int end = length - 7; i < end; i += 8) {
            out.setLong(start + i, out.getLong(start + i) ^ keyTwice);
        }
        for (; i < length; i++) {
            out.setByte(start + i, out.getByte(start + i) ^ (byte) (key >>> (24 - 8 * (i & 3))));
        }
    }
}
