package io.mpreg.core.transport.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
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

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private final boolean masked;
    private final IntSupplier maskKeys;
    // Parts are masked in chunks of this size, so a large frame holds no large array.
    private static final int SCRATCH_BYTES = 8 * 1024;

    // Where a masking encoder masks parts before copying them out; on the connection's event loop only.
    private final byte[] scratch;

    private TextFrameEncoder(boolean masked, IntSupplier maskKeys) {
        this.masked = masked;
        this.maskKeys = maskKeys;
        this.scratch = masked ? new byte[SCRATCH_BYTES] : new byte[0];
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
        int start = out.writerIndex();
        if (masked) {
            int key = maskKeys.getAsInt();
            out.writeInt(key);
            start += 4;
            payload.writeUtf8(new MaskingSink(out, key));
        } else {
            payload.writeUtf8(out::writeBytes);
        }
        int written = out.writerIndex() - start;
        if (written != length) {
            throw new IllegalStateException("frame text wrote " + written + " bytes, not " + length);
        }
    }

    /**
     * Masks each part on its way into the buffer, eight bytes at a time in a
     * heap array, and writes it masked with one copy: cheaper than masking the
     * buffer in place, through its bounds-checked accessors.
     */
    private final class MaskingSink implements Utf8Text.ByteSink {

        private final ByteBuf out;
        // The key's bytes repeat every four payload bytes: written twice into a long (network order),
        // rotated to the payload offset where a part starts, it masks eight bytes at once.
        private final long keyTwice;
        private int offset;

        MaskingSink(ByteBuf out, int key) {
            this.out = out;
            this.keyTwice = (key & 0xFFFFFFFFL) << 32 | (key & 0xFFFFFFFFL);
        }

        @Override
        public void write(byte[] part) {
            for (int from = 0; from < part.length; from += SCRATCH_BYTES) {
                writeMasked(part, from, Math.min(SCRATCH_BYTES, part.length - from));
            }
        }

        private void writeMasked(byte[] part, int from, int length) {
            byte[] masked = scratch;
            long key = Long.rotateLeft(keyTwice, 8 * (offset & 3));
            int i = 0;
            for (int end = length - 7; i < end; i += 8) {
                LONGS.set(masked, i, (long) LONGS.get(part, from + i) ^ key);
            }
            for (; i < length; i++) {
                masked[i] = (byte) (part[from + i] ^ (key >>> (56 - 8 * (i & 7))));
            }
            out.writeBytes(masked, 0, length);
            offset += length;
        }
    }
}
