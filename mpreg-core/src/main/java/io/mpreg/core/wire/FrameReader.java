package io.mpreg.core.wire;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A frame being read field by field, for {@link StreamingFrameDecoder}s: a
 * small pull reader over the frame's UTF-8 bytes that checks the JSON grammar
 * as it goes and reads any value as the exact text it was sent as, so a value
 * passed on unchanged (a published payload) is never parsed into a tree nor
 * written out again. The plain characters of strings, most of a frame, are
 * passed over eight bytes at a time.
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

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;
    private static final long QUOTES = 0x2222222222222222L;
    private static final long BACKSLASHES = 0x5C5C5C5C5C5C5C5CL;
    private static final long SPACES = 0x2020202020202020L;

    // The frame's UTF-8 bytes: every byte of JSON's structure is ASCII, and no byte of a
    // multi-byte character is, so the grammar is checked byte by byte.
    private final byte[] bytes;
    private final JsonMapper mapper;
    private int position;
    private boolean atFirstField;
    private int nameStart;
    private int nameEnd;
    private boolean nameEscaped;

    /** A reader of the frame with these UTF-8 bytes, which it reads in place: they must not change meanwhile. */
    FrameReader(byte[] utf8, JsonMapper mapper) {
        this.bytes = utf8;
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
        if (peekByte() == '}') {
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
        return nameEnd - nameStart == name.length() && regionIs(nameStart, name);
    }

    /** The name of the current field. */
    public String fieldName() {
        return text(nameStart, nameEnd, nameEscaped);
    }

    /** The type of the next value, without reading it. */
    public ValueType peek() {
        skipWhitespace();
        byte c = peekByte();
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

    /**
     * Whether the next value is a string of exactly these ASCII characters,
     * written without escapes; compared in place, reading nothing.
     */
    public boolean peekStringIs(String ascii) {
        skipWhitespace();
        int start = position + 1;
        int end = start + ascii.length();
        return end < bytes.length && bytes[position] == '"' && bytes[end] == '"' && regionIs(start, ascii);
    }

    /** The next value, which must be a string. */
    public String readString() {
        skipWhitespace();
        expect('"');
        int start = position;
        boolean escaped = skipStringBody();
        String value = text(start, position, escaped);
        position++;
        return value;
    }

    // The text of a string's body, unescaped if it holds escapes.
    private String text(int start, int end, boolean escaped) {
        return escaped ? unescape(start, end) : new String(bytes, start, end - start, StandardCharsets.UTF_8);
    }

    // Skips a string, from its opening quote to past its closing one.
    private void skipString() {
        expect('"');
        skipStringBody();
        position++;
    }

    // Moves to the closing quote of a string whose opening quote was read; whether it holds escapes.
    private boolean skipStringBody() {
        byte[] text = bytes;
        int at = position;
        boolean escaped = false;
        while (true) {
            at = skipPlain(text, at);
            if (at >= text.length) {
                throw new Malformed("frame ends early");
            }
            byte c = text[at];
            if (c == '"') {
                position = at;
                return escaped;
            }
            if (c == '\\') {
                escaped = true;
                at = afterEscape(at);
            } else {
                throw new Malformed("control character in a string at " + at);
            }
        }
    }

    // The first position from `at` that holds a quote, a backslash or a control character, or the
    // end: most bytes need no second look, so eight are tested at once until a word holds one.
    private static int skipPlain(byte[] text, int at) {
        for (int lastWord = text.length - 8; at <= lastWord; at += 8) {
            if (holdsSpecialByte((long) LONGS.get(text, at))) {
                break;
            }
        }
        while (at < text.length && isPlain(text[at])) {
            at++;
        }
        return at;
    }

    // Whether any byte of the word is '"', '\\' or below 0x20 (bytes of 0x80 and above are plain):
    // (x - 0x01..) & ~x & 0x80.. is not zero exactly when x has a zero byte, and likewise
    // (x - 0x20..) & ~x & 0x80.. when it has a byte below 0x20.
    private static boolean holdsSpecialByte(long word) {
        long quotes = word ^ QUOTES;
        long backslashes = word ^ BACKSLASHES;
        long found = (quotes - ONES) & ~quotes | (backslashes - ONES) & ~backslashes | (word - SPACES) & ~word;
        return (found & HIGH_BITS) != 0;
    }

    private static boolean isPlain(byte c) {
        return (c >= 0x20 || c < 0) && c != '"' && c != '\\';
    }

    /** The next value, which must be a finite number, as the nearest double. */
    public double readNumber() {
        skipWhitespace();
        int start = position;
        boolean integral = skipNumber();
        String number = new String(bytes, start, position - start, StandardCharsets.ISO_8859_1);
        // Integers as Jackson reads them: "-0" is 0, not -0.0.
        double value = integral && number.length() <= 18 ? Long.parseLong(number) : Double.parseDouble(number);
        if (Double.isInfinite(value)) {
            throw new Malformed("number out of range at " + start);
        }
        return value;
    }

    /** The next value as the exact UTF-8 bytes it was sent as, in an array of its own. */
    public byte[] readRawUtf8() {
        int start = skipToValueEnd();
        return Arrays.copyOfRange(bytes, start, position);
    }

    /** The next value as a tree. */
    public JsonNode readTree() {
        int start = skipToValueEnd();
        return mapper.readTree(bytes, start, position - start);
    }

    // Skips the next value; where it started.
    private int skipToValueEnd() {
        skipWhitespace();
        int start = position;
        skipValue(0);
        return start;
    }

    /** Skips the next value. */
    public void skipValue() {
        skipValue(0);
    }

    /** Whether nothing but whitespace follows what was read. */
    boolean atEnd() {
        skipWhitespace();
        return position == bytes.length;
    }

    private void skipValue(int depth) {
        if (depth > MAX_DEPTH) {
            throw new Malformed("nested deeper than " + MAX_DEPTH);
        }
        switch (peek()) {
            case OBJECT -> skipContainer('}', true, depth);
            case ARRAY -> skipContainer(']', false, depth);
            case STRING -> skipString();
            case NUMBER -> skipNumber();
            case TRUE -> skipLiteral("true");
            case FALSE -> skipLiteral("false");
            case NULL -> skipLiteral("null");
        }
    }

    private void skipContainer(char close, boolean named, int depth) {
        position++;
        skipWhitespace();
        if (peekByte() == close) {
            position++;
            return;
        }
        while (true) {
            if (named) {
                skipString();
                skipWhitespace();
                expect(':');
            }
            skipValue(depth + 1);
            skipWhitespace();
            byte c = byteAt(position++);
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
        if (peekByte() == '-') {
            position++;
        }
        if (peekByte() == '0') {
            position++;
        } else {
            digits();
        }
        boolean integral = true;
        if (position < bytes.length && bytes[position] == '.') {
            integral = false;
            position++;
            digits();
        }
        if (position < bytes.length && (bytes[position] == 'e' || bytes[position] == 'E')) {
            integral = false;
            position++;
            if (peekByte() == '+' || peekByte() == '-') {
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
        while (position < bytes.length && bytes[position] >= '0' && bytes[position] <= '9') {
            position++;
        }
        if (position == start) {
            throw new Malformed("expected a digit at " + position);
        }
    }

    private void skipLiteral(String literal) {
        if (position + literal.length() > bytes.length || !regionIs(position, literal)) {
            throw new Malformed("expected '" + literal + "' at " + position);
        }
        position += literal.length();
    }

    // Checks the escape at `at` (a backslash) and returns the position after it.
    private int afterEscape(int at) {
        byte kind = byteAt(at + 1);
        switch (kind) {
            case '"', '\\', '/', 'b', 'f', 'n', 'r', 't' -> {
                return at + 2;
            }
            case 'u' -> {
                for (int i = at + 2; i < at + 6; i++) {
                    if (!isHexDigit(byteAt(i))) {
                        throw new Malformed("bad \\u escape at " + at);
                    }
                }
                return at + 6;
            }
            default -> throw new Malformed("bad escape at " + at);
        }
    }

    private static boolean isHexDigit(byte c) {
        return hexValue(c) >= 0;
    }

    private static int hexValue(byte c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        return c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
    }

    // Names and literals compared are ASCII, one byte a character.
    private boolean regionIs(int start, String expected) {
        for (int i = 0; i < expected.length(); i++) {
            if (bytes[start + i] != expected.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    // Runs of bytes between escapes are decoded whole: an escape, being ASCII, never splits a character.
    private String unescape(int start, int end) {
        StringBuilder value = new StringBuilder(end - start);
        int runStart = start;
        for (int i = start; i < end; i++) {
            if (bytes[i] != '\\') {
                continue;
            }
            value.append(new String(bytes, runStart, i - runStart, StandardCharsets.UTF_8));
            byte kind = bytes[++i];
            switch (kind) {
                case 'b' -> value.append('\b');
                case 'f' -> value.append('\f');
                case 'n' -> value.append('\n');
                case 'r' -> value.append('\r');
                case 't' -> value.append('\t');
                case 'u' -> {
                    value.append((char) (hexValue(bytes[i + 1]) << 12 | hexValue(bytes[i + 2]) << 8
                            | hexValue(bytes[i + 3]) << 4 | hexValue(bytes[i + 4])));
                    i += 4;
                }
                default -> value.append((char) kind);
            }
            runStart = i + 1;
        }
        value.append(new String(bytes, runStart, end - runStart, StandardCharsets.UTF_8));
        return value.toString();
    }

    private void skipWhitespace() {
        while (position < bytes.length) {
            byte c = bytes[position];
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                return;
            }
            position++;
        }
    }

    private void expect(char wanted) {
        if (byteAt(position) != wanted) {
            throw new Malformed("expected '" + wanted + "' at " + position);
        }
        position++;
    }

    private byte peekByte() {
        return byteAt(position);
    }

    private byte byteAt(int at) {
        if (at >= bytes.length) {
            throw new Malformed("frame ends early");
        }
        return bytes[at];
    }
}
