package io.mpreg.core.transport;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;

/**
 * The text of an outgoing frame held as UTF-8 bytes, often in parts shared
 * with other frames, rather than as a {@code String}. The core's server copies
 * the parts straight into the socket's buffer (see
 * {@link ConnectionHandler#frames}), so a message fanned out to many
 * connections is encoded once and never turned back into text. Read as a
 * {@code CharSequence}, it decodes itself once.
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
        return text instanceof Utf8Text utf8 ? utf8 : new EncodedString(text.toString());
    }

    /** The number of bytes {@link #writeUtf8} writes. */
    public abstract int utf8Length();

    /** Writes the text's UTF-8 bytes, exactly {@link #utf8Length()} of them, in order. */
    public abstract void writeUtf8(ByteSink sink);

    @Override
    public final String toString() {
        String text = decoded;
        if (text == null) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(utf8Length());
            writeUtf8(bytes::writeBytes);
            text = bytes.toString(StandardCharsets.UTF_8);
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

    /** A String's text, encoded once. */
    private static final class EncodedString extends Utf8Text {

        private final byte[] bytes;

        EncodedString(String text) {
            this.bytes = text.getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public int utf8Length() {
            return bytes.length;
        }

        @Override
        public void writeUtf8(ByteSink sink) {
            sink.write(bytes);
        }
    }
}
