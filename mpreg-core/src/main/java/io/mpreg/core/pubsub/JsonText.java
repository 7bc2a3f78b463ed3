package io.mpreg.core.pubsub;

import tools.jackson.core.io.JsonStringEncoder;

/** Builds frames of the hot paths as text, escaping strings as the JSON generator does. */
final class JsonText {

    private JsonText() {
    }

    /**
     * Appends {@code value} escaped for the inside of a JSON string. Ids rarely
     * hold anything that needs escaping; those are copied without the escaper's work.
     */
    static void appendEscaped(String value, StringBuilder text) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == '"' || c == '\\') {
                JsonStringEncoder.getInstance().quoteAsString(value, text);
                return;
            }
        }
        text.append(value);
    }
}
