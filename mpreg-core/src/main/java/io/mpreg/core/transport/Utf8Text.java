package io.mpreg.core.transport;

import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;

/**
 * The text of an outgoing frame held as UTF-8 bytes, often in parts shared
 * with other frames, rather than as a {@code String}. The core's server copies
 * the parts straight into the socket's buffer (see
 * {@link ConnectionHandler#frames}), so a message fanned out to many
 * connections is encoded once and never turned back into text. The core's
 * server hands inbound messages over this way too, as the bytes read, so a
 * handler that decodes bytes (the node's codec) never makes a {@code String}
 * of them. Read as a {@code CharSequence}, it decodes itself once.
 */
public abstract class Utf8Text implements CharSequence {

    private @Nullable String decoded;

    /** Where {@link #writeUtf8} puts the bytes, part by part. */
    @FunctionalInterface
    public interface ByteSink {

        /** Appends all of {@code bytes}. */
        void write(byte[] bytes);
    }

    /** {@code text} as UTF-8: itself if it is {@code Utf8Text} already, else its characters encoded now, once. */
    public static Utf8Text of(CharSequence text) {
        return text instanceof Utf8Text utf8 ? utf8 : new Whole(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The text whose UTF-8 bytes these are; the array is shared, not copied: it must not change. */
    public static Utf8Text ofUtf8(byte[] utf8) {
        return new Whole(utf8);
    }

    /** The number of bytes {@link #writeUtf8} writes. */
    public abstract int utf8Length();

    /** Writes the text's UTF-8 bytes, exactly {@link #utf8Length()} of them, in order. */
    public abstract void writeUtf8(ByteSink sink);

    /**
     * The text's UTF-8 bytes in one array: its parts joined, or the array it
     * is held in, shared: do not change it.
     */
    public byte[] toUtf8() {
        byte[] joined = new byte[utf8Length()];
        int[] filled = {0};
        writeUtf8(part -> {
            System.arraycopy(part, 0, joined, filled[0], part.length);
            filled[0] += part.length;
        });
        return joined;
    }

    @Override
    public final String toString() {
        String text = decoded;
        if (text == null) {
            text = new String(toUtf8(), StandardCharsets.UTF_8);
            decoded = text;
        }
        return text;
    }

    @Override
    public final int length() {
        return toString().length();
    }

    @Override
    public final char charAt(int index) {
        return toString().charAt(index);
    }

    @Override
    public final CharSequence subSequence(int start, int end) {
        return toString().subSequence(start, end);
    }

    /** Text held in one array of UTF-8 bytes. */
    private static final class Whole extends Utf8Text {

        private final byte[] bytes;

        Whole(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        public int utf8Length() {
            return bytes.length;
        }

        @Override
        public void writeUtf8(ByteSink sink) {
            sink.write(bytes);
        }

        @Override
        public byte[] toUtf8() {
            return bytes;
        }
    }
}
