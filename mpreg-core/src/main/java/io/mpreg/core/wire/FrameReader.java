package io.mpreg.core.wire;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A frame being read field by field, for {@link StreamingFrameDecoder}s: a
 * small pull reader over the frame's text that checks the JSON grammar as
 * it goes and reads any value as the exact text it was sent as, so a value
 * passed on unchanged (a published payload) is never parsed into a tree nor
 * written out again.
 *
 * <p>It reads standard JSON only and gives up ({@link Malformed}) on
 * anything else, and on what is merely unusual (nesting deeper than
 * {@value #MAX_DEPTH}, a number longer than {@value #MAX_NUMBER_LENGTH}
 * characters): the codec then decodes the frame as a tree, which accepts or
 * rejects it with the general rules. Not thread-safe; one per frame.
 */
public final class FrameReader {

    /** The kinds of JSON value. */
    public enum ValueType { OBJECT, ARRAY, STRING, NUMBER, TRUE, FALSE, NULL }

    /** The frame is not JSON this reader takes; the codec decodes it as a tree instead. */
    public static final class Malformed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Malformed(String message) {
            super(message, null, false, false);
        }
    }

    static final int MAX_DEPTH = 64;
    static final int MAX_NUMBER_LENGTH = 64;

    private final String text;
    private final JsonMapper mapper;
    private int position;
    private boolean atFirstField;
    private int nameStart;
    private int nameEnd;
    private boolean nameEscaped;

    FrameReader(String text, JsonMapper mapper) {
        this.text = text;
        this.mapper = mapper;
    }

    /** The mapper of the codec reading the frame, for values that are needed as trees. */
    public JsonMapper mapper() {
        return mapper;
    }

    /** Steps into the object that is the next value. */
    public void enterObject() {
        skipWhitespace();
        expect('{');
        atFirstField = true;
    }

    /**
     * Moves to the value of the next field of the object being read, which
     * must then be read or skipped; {@code false} once the object has no more
     * fields, having stepped out of it.
     */
    public boolean nextField() {
        skipWhitespace();
        if (peekChar() == '}') {
            position++;
            atFirstField = false;
            return false;
        }
        if (!atFirstField) {
            expect(',');
            skipWhitespace();
        }
        atFirstField = false;
        expect('"');
        nameStart = position;
        nameEscaped = skipStringBody();
        nameEnd = position++;
        skipWhitespace();
        expect(':');
        return true;
    }

    /** Whether the current field has the given name; compared in place, without making a string. */
    public boolean fieldIs(String name) {
        if (nameEscaped) {
            return fieldName().equals(name);
        }
        return nameEnd - nameStart == name.length() && text.startsWith(name, nameStart);
    }

    /** The name of the current field. */
    public String fieldName() {
        return nameEscaped ? unescape(nameStart, nameEnd) : text.substring(nameStart, nameEnd);
    }

    /** The type of the next value, without reading it. */
    public ValueType peek() {
        skipWhitespace();
        char c = peekChar();
        return switch (c) {
            case '{' -> ValueType.OBJECT;
            case '[' -> ValueType.ARRAY;
            case '"' -> ValueType.STRING;
            case 't' -> ValueType.TRUE;
            case 'f' -> ValueType.FALSE;
            case 'n' -> ValueType.NULL;
            default -> {
                if (c == '-' || (c >= '0' && c <= '9')) {
                    yield ValueType.NUMBER;
                }
                throw new Malformed("unexpected '" + c + "' at " + position);
            }
        };
    }

    /** The next value, which must be a string. */
    public String readString() {
        skipWhitespace();
        expect('"');
        int start = position;
        boolean escaped = skipStringBody();
        String value = escaped ? unescape(start, position) : text.substring(start, position);
        position++;
        return value;
    }

    // Moves to the closing quote of a string whose opening quote was read; whether it holds escapes.
    private boolean skipStringBody() {
        boolean escaped = false;
        while (true) {
            char c = charAt(position);
            if (c == '"') {
                return escaped;
            }
            if (c == '\\') {
                escaped = true;
                position = afterEscape(position);
            } else if (c < 0x20) {
                throw new Malformed("control character in a string at " + position);
            } else {
                position++;
            }
        }
    }

    /** The next value, which must be a finite number, as the nearest double. */
    public double readNumber() {
        skipWhitespace();
        int start = position;
        boolean integral = skipNumber();
        String number = text.substring(start, position);
        // Integers as Jackson reads them: "-0" is 0, not -0.0.
        double value = integral && number.length() <= 18 ? Long.parseLong(number) : Double.parseDouble(number);
        if (Double.isInfinite(value)) {
            throw new Malformed("number out of range at " + start);
        }
        return value;
    }

    /** The next value as the exact text it was sent as. */
    public String readRaw() {
        skipWhitespace();
        int start = position;
        skipValue(0);
        return text.substring(start, position);
    }

    /** The next value as a tree. */
    public JsonNode readTree() {
        return mapper.readTree(readRaw());
    }

    /** Skips the next value. */
    public void skipValue() {
        skipValue(0);
    }

    /** Whether nothing but whitespace follows what was read. */
    boolean atEnd() {
        skipWhitespace();
        return position == text.length();
    }

    private void skipValue(int depth) {
        if (depth > MAX_DEPTH) {
            throw new Malformed("nested deeper than " + MAX_DEPTH);
        }
        switch (peek()) {
            case OBJECT -> skipContainer('}', true, depth);
            case ARRAY -> skipContainer(']', false, depth);
            case STRING -> {
                position++;
                skipStringBody();
                position++;
            }
            case NUMBER -> skipNumber();
            case TRUE -> skipLiteral("true");
            case FALSE -> skipLiteral("false");
            case NULL -> skipLiteral("null");
        }
    }

    private void skipContainer(char close, boolean named, int depth) {
        position++;
        skipWhitespace();
        if (peekChar() == close) {
            position++;
            return;
        }
        while (true) {
            if (named) {
                expect('"');
                skipStringBody();
                position++;
                skipWhitespace();
                expect(':');
            }
            skipValue(depth + 1);
            skipWhitespace();
            char c = charAt(position++);
            if (c == close) {
                return;
            }
            if (c != ',') {
                throw new Malformed("expected ',' or '" + close + "' at " + (position - 1));
            }
            skipWhitespace();
        }
    }

    // -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?; whether it had neither fraction nor exponent.
    private boolean skipNumber() {
        int start = position;
        if (peekChar() == '-') {
            position++;
        }
        if (peekChar() == '0') {
            position++;
        } else {
            digits();
        }
        boolean integral = true;
        if (position < text.length() && text.charAt(position) == '.') {
            integral = false;
            position++;
            digits();
        }
        if (position < text.length() && (text.charAt(position) == 'e' || text.charAt(position) == 'E')) {
            integral = false;
            position++;
            if (peekChar() == '+' || peekChar() == '-') {
                position++;
            }
            digits();
        }
        if (position - start > MAX_NUMBER_LENGTH) {
            throw new Malformed("number longer than " + MAX_NUMBER_LENGTH + " characters");
        }
        return integral;
    }

    private void digits() {
        int start = position;
        while (position < text.length() && text.charAt(position) >= '0' && text.charAt(position) <= '9') {
            position++;
        }
        if (position == start) {
            throw new Malformed("expected a digit at " + position);
        }
    }

    private void skipLiteral(String literal) {
        if (!text.startsWith(literal, position)) {
            throw new Malformed("expected '" + literal + "' at " + position);
        }
        position += literal.length();
    }

    // Checks the escape at `at` (a backslash) and returns the position after it.
    private int afterEscape(int at) {
        char kind = charAt(at + 1);
        switch (kind) {
            case '"', '\\', '/', 'b', 'f', 'n', 'r', 't' -> {
                return at + 2;
            }
            case 'u' -> {
                for (int i = at + 2; i < at + 6; i++) {
                    if (!isHexDigit(charAt(i))) {
                        throw new Malformed("bad \\u escape at " + at);
                    }
                }
                return at + 6;
            }
            default -> throw new Malformed("bad escape at " + at);
        }
    }

    private static boolean isHexDigit(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private String unescape(int start, int end) {
        StringBuilder value = new StringBuilder(end - start);
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c != '\\') {
                value.append(c);
                continue;
            }
            char kind = text.charAt(++i);
            switch (kind) {
                case 'b' -> value.append('\b');
                case 'f' -> value.append('\f');
                case 'n' -> value.append('\n');
                case 'r' -> value.append('\r');
                case 't' -> value.append('\t');
                case 'u' -> {
                    value.append((char) Integer.parseInt(text, i + 1, i + 5, 16));
                    i += 4;
                }
                default -> value.append(kind);
            }
        }
        return value.toString();
    }

    private void skipWhitespace() {
        while (position < text.length()) {
            char c = text.charAt(position);
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                return;
            }
            position++;
        }
    }

    private void expect(char wanted) {
        if (charAt(position) != wanted) {
            throw new Malformed("expected '" + wanted + "' at " + position);
        }
        position++;
    }

    private char peekChar() {
        return charAt(position);
    }

    private char charAt(int at) {
        if (at >= text.length()) {
            throw new Malformed("frame ends early");
        }
        return text.charAt(at);
    }
}
