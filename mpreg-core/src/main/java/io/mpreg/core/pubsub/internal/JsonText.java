package io.mpreg.core.pubsub.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import tools.jackson.core.io.JsonStringEncoder;

/**
 * Builds the frames of the hot paths straight as UTF-8 bytes, escaping
 * strings as the JSON generator does. A builder is given the frame's length
 * as if every string were plain ASCII, which ids and topics almost always
 * are: then the frame is one array of its exact size, each string read and
 * written in one pass, with no text in between.
 *
 * <pre>{@code
 * byte[] frame = JsonText.builder(START.length + id.length() + END.length).raw(START).escaped(id).raw(END).build();
 * }</pre>
 */
public final class JsonText {

    private JsonText() {
    }

    /** The UTF-8 bytes of ASCII text written in code, such as a frame's fixed parts. */
    public static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /** {@code value} escaped for the inside of a JSON string, in UTF-8. */
    public static byte[] escapedUtf8(String value) {
        return builder(value.length()).escaped(value).build();
    }

    /**
     * A builder of a frame of {@code expectedLength} bytes: the length of its
     * parts, counting one byte for each character of the strings to escape.
     */
    public static Builder builder(int expectedLength) {
        return new Builder(expectedLength);
    }

    /** Fills an array with a frame's bytes, part by part, in order. */
    public static final class Builder {

        private byte[] bytes;
        private int filled;

        private Builder(int expectedLength) {
            this.bytes = new byte[expectedLength];
        }

        /** Appends the bytes as they are. */
        public Builder raw(byte[] part) {
            ensureRoom(part.length);
            System.arraycopy(part, 0, bytes, filled, part.length);
            filled += part.length;
            return this;
        }

        /**
         * Appends {@code value} escaped for the inside of a JSON string. Only
         * printable ASCII other than {@code "} and {@code \} goes in as it is;
         * a string holding anything else is escaped by Jackson's encoder.
         */
        public Builder escaped(String value) {
            int length = value.length();
            ensureRoom(length);
            byte[] into = bytes;
            int at = filled;
            for (int i = 0; i < length; i++) {
                char c = value.charAt(i);
                if (c < 0x20 || c >= 0x80 || c == '"' || c == '\\') {
                    return raw(JsonStringEncoder.getInstance().quoteAsUTF8(value));
                }
                into[at + i] = (byte) c;
            }
            filled = at + length;
            return this;
        }

        /** The frame: the array filled, or a copy of its filled part if strings needed escapes. */
        public byte[] build() {
            return filled == bytes.length ? bytes : Arrays.copyOf(bytes, filled);
        }

        private void ensureRoom(int length) {
            if (bytes.length - filled < length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, filled + length));
            }
        }
    }
}
