package io.mpreg.benchmarks.load;

import java.nio.charset.StandardCharsets;

import io.netty.buffer.ByteBuf;

/**
 * Writes {@code echo} request frames without building JSON: everything but the
 * request id is encoded once, and the id is a fixed-width hex number naming the
 * in-flight slot and the request's sequence number, so a reply can be matched to
 * its slot without a lookup table.
 */
final class EchoRequestFrames {

    /** The length of every request id: 4 hex digits of slot, 12 of sequence number. */
    static final int ID_LENGTH = 16;

    private static final int SEQUENCE_BITS = 48;
    private static final long SEQUENCE_MASK = (1L << SEQUENCE_BITS) - 1;
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private final byte[] beforeId;
    private final byte[] afterId;

    EchoRequestFrames(String payload) {
        this.beforeId = "{\"role\":\"rpc\",\"u\":\"".getBytes(StandardCharsets.US_ASCII);
        this.afterId = ("\",\"cmds\":[{\"name\":\"e\",\"fun\":\"echo\",\"args\":[\"" + payload + "\"]}]}")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** A payload of the given length made of lower-case letters only (nothing JSON would escape). */
    static String payloadOf(int length) {
        StringBuilder payload = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            payload.append((char) ('a' + i % 26));
        }
        return payload.toString();
    }

    static long id(int slot, long sequence) {
        return ((long) slot << SEQUENCE_BITS) | (sequence & SEQUENCE_MASK);
    }

    static int slotOf(long id) {
        return (int) (id >>> SEQUENCE_BITS);
    }

    static long sequenceOf(long id) {
        return id & SEQUENCE_MASK;
    }

    /** The encoded length of one request frame's text. */
    int length() {
        return beforeId.length + ID_LENGTH + afterId.length;
    }

    /** Appends the text of the request with the given id. */
    void write(ByteBuf out, long id) {
        out.writeBytes(beforeId);
        for (int shift = (ID_LENGTH - 1) * 4; shift >= 0; shift -= 4) {
            out.writeByte(HEX[(int) (id >>> shift) & 0xF]);
        }
        out.writeBytes(afterId);
    }
}
