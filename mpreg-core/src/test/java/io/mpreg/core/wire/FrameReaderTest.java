package io.mpreg.core.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import io.mpreg.core.wire.FrameReader.ValueType;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

class FrameReaderTest {

    private final JsonMapper mapper = JsonMapper.builder().build();

    private static @Nullable String nextName(FrameReader reader) {
        return reader.nextField() ? reader.fieldName() : null;
    }

    private FrameReader reader(String frame) {
        return new FrameReader(frame.getBytes(StandardCharsets.UTF_8), mapper);
    }

    private FrameReader positionedOnValue(String frame) {
        FrameReader reader = reader(frame);
        reader.enterObject();
        assertThat(nextName(reader)).isEqualTo("v");
        return reader;
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"a\":[1,{\"b\":\"}\"}],\"c\":null}", "[ 1 , 2 ]", "\"say \\\"hi\\\" \\u00e9\"", "-12.5e3",
            "0", "true", "false", "null", "{}", "[]", "\"\"", "{ \"k\" : [ [ ] , { } ] }"})
    void rawValueIsTheValueExactlyAsSentAndReadingGoesOnAfterIt(String value) {
        FrameReader reader = positionedOnValue("{ \"v\" :  " + value + " ,\"next\":7}");

        assertThat(new String(reader.readRawUtf8(), StandardCharsets.UTF_8)).isEqualTo(value);
        assertThat(nextName(reader)).isEqualTo("next");
        assertThat(reader.readNumber()).isEqualTo(7.0);
        assertThat(nextName(reader)).isNull();
        assertThat(reader.atEnd()).isTrue();
    }

    @Test
    void fieldNamesAreComparedAsTheirTextEscapedOrNot() {
        FrameReader reader = reader("{\"role\":1,\"r\\u006fle\":2}");
        reader.enterObject();

        assertThat(reader.nextField()).isTrue();
        assertThat(reader.fieldIs("role")).isTrue();
        assertThat(reader.fieldIs("rol")).isFalse();
        assertThat(reader.fieldIs("roles")).isFalse();
        reader.skipValue();
        assertThat(reader.nextField()).isTrue();
        assertThat(reader.fieldIs("role")).isTrue();
        assertThat(reader.fieldName()).isEqualTo("role");
    }

    @Test
    void stringsAreUnescaped() {
        FrameReader reader = positionedOnValue("{\"v\":\"a\\\"b\\\\c\\/d\\b\\f\\n\\r\\t\\u00e9\\uD83D\\uDE00\"}");

        assertThat(reader.peek()).isEqualTo(ValueType.STRING);
        assertThat(reader.readString()).isEqualTo("a\"b\\c/d\b\f\n\r\t\u00e9\uD83D\uDE00");
    }

    @Test
    void numbersAreReadAsJacksonReadsThem() {
        FrameReader reader = positionedOnValue("{\"v\":-0,\"w\":1700000000.123,\"x\":12345678901234567890,\"y\":1E2}");

        assertThat(reader.readNumber()).isEqualTo(0.0);
        nextName(reader);
        assertThat(reader.readNumber()).isEqualTo(1700000000.123);
        nextName(reader);
        assertThat(reader.readNumber()).isEqualTo(12345678901234567890.0);
        nextName(reader);
        assertThat(reader.readNumber()).isEqualTo(100.0);
    }

    @Test
    void objectsAreEnteredAndFieldsWalkedInOrder() {
        FrameReader reader = positionedOnValue("{\"v\": { } , \"w\" : {\"a\":1 , \"b\":{}}}");

        reader.enterObject();
        assertThat(nextName(reader)).isNull();
        assertThat(nextName(reader)).isEqualTo("w");
        reader.enterObject();
        assertThat(nextName(reader)).isEqualTo("a");
        reader.skipValue();
        assertThat(nextName(reader)).isEqualTo("b");
        assertThat(reader.readTree()).isEqualTo(mapper.createObjectNode());
        assertThat(nextName(reader)).isNull();
        assertThat(nextName(reader)).isNull();
        assertThat(reader.atEnd()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"01", "1.", ".5", "+1", "-", "1e", "tru", "nul", "\"a", "\"\\x\"", "\"\\u12G4\"",
            "\"\\u\u0661\u0662\u0663\u0664\"", "\"tab\there\"", "[1,]", "[1 2]", "{\"a\" 1}", "{\"a\":1,}", "{a:1}",
            "'a'", "NaN", "1e400"})
    void whatIsNotStandardJsonIsGivenUpOn(String value) {
        assertThatThrownBy(() -> {
            FrameReader reader = positionedOnValue("{\"v\":" + value + "}");
            if (reader.peek() == ValueType.NUMBER) {
                reader.readNumber();
            } else {
                reader.skipValue();
            }
            if (nextName(reader) != null || !reader.atEnd()) {
                throw new FrameReader.Malformed("more after the value");
            }
        }).isInstanceOf(FrameReader.Malformed.class);
    }

    @Test
    void deepNestingIsGivenUpOn() {
        String deep = "[".repeat(FrameReader.MAX_DEPTH + 2) + "]".repeat(FrameReader.MAX_DEPTH + 2);

        assertThatThrownBy(() -> positionedOnValue("{\"v\":" + deep + "}").skipValue())
                .isInstanceOf(FrameReader.Malformed.class);
    }

    @Test
    void eachSpecialCharacterIsFoundWhereverItFallsInAWordOfEightBytes() {
        for (int at = 0; at < 24; at++) {
            String before = "p".repeat(at);
            String after = "q".repeat(23 - at);

            assertThat(positionedOnValue("{\"v\":\"" + before + "\\\"" + after + "\"}").readString())
                    .isEqualTo(before + "\"" + after);
            assertThat(positionedOnValue("{\"v\":\"" + before + "\\\\" + after + "\"}").readString())
                    .isEqualTo(before + "\\" + after);
            assertThat(positionedOnValue("{\"v\":\"" + before + "\"}").readString()).isEqualTo(before);
            int controlAt = at;
            assertThatThrownBy(() -> positionedOnValue("{\"v\":\"" + before + "\u0001" + after + "\"}").readString())
                    .as("control character at %d", controlAt)
                    .isInstanceOf(FrameReader.Malformed.class);
        }
    }

    @Test
    void aStringIsComparedInPlaceWithoutBeingRead() {
        FrameReader reader = positionedOnValue("{\"v\": \"pubsub-publish\",\"next\":1}");

        assertThat(reader.peekStringIs("pubsub")).isFalse();
        assertThat(reader.peekStringIs("pubsub-publish-more")).isFalse();
        assertThat(reader.peekStringIs("pubsub-publish")).isTrue();
        assertThat(reader.readString()).isEqualTo("pubsub-publish");
        assertThat(positionedOnValue("{\"v\":\"pubsub\\u002dpublish\"}").peekStringIs("pubsub-publish")).isFalse();
        assertThat(positionedOnValue("{\"v\":12}").peekStringIs("12")).isFalse();
        assertThat(positionedOnValue("{\"v\":\"ab").peekStringIs("ab")).isFalse();
    }

    @Test
    void textBeyondAsciiIsReadAsItsCharactersBesideEscapes() {
        String text = "temp\u00e9rature \u2014 \ud83d\ude00 long enough to span words";

        assertThat(positionedOnValue("{\"v\":\"" + text + "\"}").readString()).isEqualTo(text);
        assertThat(positionedOnValue("{\"v\":\"" + text + "\\n\\u00e9" + text + "\"}").readString())
                .isEqualTo(text + "\n\u00e9" + text);
        assertThat(new String(positionedOnValue("{\"v\":\"" + text + "\"}").readRawUtf8(), StandardCharsets.UTF_8))
                .isEqualTo("\"" + text + "\"");
    }
}
