package io.mpreg.core.pubsub.internal;

import tools.jackson.core.io.JsonStringEncoder;

/**
 * Builds frames of the hot paths as text, escaping strings as the JSON
 * generator does. Frames are joined with string concatenation, which sizes
 * the result once and copies each part once.
 */
public final class JsonText {

    private JsonText() {
    }

    /**
     * {@code value} escaped for the inside of a JSON string. Ids and topics
     * rarely hold anything that needs escaping: those are returned as they are.
     */
    public static String escaped(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == '"' || c == '\\') {
                StringBuilder text = new StringBuilder(value.length() + 8);
                JsonStringEncoder.getInstance().quoteAsString(value, text);
                return text.toString();
            }
        }
        return value;
    }
}
