package io.mpreg.benchmarks.load;

import io.netty.buffer.ByteBuf;

/**
 * Reads the two facts the load generator needs from an {@code rpc-response}
 * frame, its id and whether it failed, by scanning the bytes instead of parsing
 * the JSON, so the client's cost stays small next to the server's.
 *
 * <p>It relies on the replies answering {@link EchoRequestFrames}' requests:
 * the echoed payload holds letters only, so {@code "u"} and {@code "error"}
 * can only appear as keys.
 */
final class ReplyScanner {

    /** What {@link #id} returns when the frame has no well-formed id. */
    static final long NO_ID = -1;

    private static final byte[] U_KEY = {'"', 'u', '"'};
    private static final byte[] ERROR_KEY = {'"', 'e', 'r', 'r', 'o', 'r', '"'};
    private static final byte[] NULL = {'n', 'u', 'l', 'l'};

    private ReplyScanner() {
    }

    /** The request id in the frame, or {@link #NO_ID}. */
    static long id(ByteBuf frame) {
        int value = valueStart(frame, U_KEY);
        int closingQuote = value + 1 + EchoRequestFrames.ID_LENGTH;
        if (value < 0 || closingQuote >= frame.writerIndex()
                || frame.getByte(value) != '"' || frame.getByte(closingQuote) != '"') {
            return NO_ID;
        }
        long id = 0;
        for (int i = value + 1; i < closingQuote; i++) {
            int digit = Character.digit(frame.getByte(i), 16);
            if (digit < 0) {
                return NO_ID;
            }
            id = (id << 4) | digit;
        }
        return id;
    }

    /** Whether the frame carries an error (an {@code error} field that is not {@code null}). */
    static boolean isFailure(ByteBuf frame) {
        int value = valueStart(frame, ERROR_KEY);
        if (value < 0) {
            return false;
        }
        if (value + NULL.length > frame.writerIndex()) {
            return true;
        }
        for (int i = 0; i < NULL.length; i++) {
            if (frame.getByte(value + i) != NULL[i]) {
                return true;
            }
        }
        return false;
    }

    /** The index of the first byte of the value of the given quoted key, or -1. */
    private static int valueStart(ByteBuf frame, byte[] quotedKey) {
        int key = indexOf(frame, quotedKey);
        if (key < 0) {
            return -1;
        }
        int i = skipWhitespace(frame, key + quotedKey.length);
        if (i >= frame.writerIndex() || frame.getByte(i) != ':') {
            return -1;
        }
        i = skipWhitespace(frame, i + 1);
        return i < frame.writerIndex() ? i : -1;
    }

    private static int skipWhitespace(ByteBuf frame, int from) {
        int i = from;
        while (i < frame.writerIndex()) {
            byte b = frame.getByte(i);
            if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
                break;
            }
            i++;
        }
        return i;
    }

    private static int indexOf(ByteBuf frame, byte[] needle) {
        int last = frame.writerIndex() - needle.length;
        outer:
        for (int i = frame.readerIndex(); i <= last; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (frame.getByte(i + j) != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
