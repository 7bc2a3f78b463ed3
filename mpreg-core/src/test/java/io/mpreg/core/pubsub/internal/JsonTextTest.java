package io.mpreg.core.pubsub.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

class JsonTextTest {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Test
    void plainAsciiPartsFillAnArrayOfTheExpectedLengthExactly() {
        byte[] start = JsonText.ascii("{\"u\":\"");
        byte[] end = JsonText.ascii("\"}");

        byte[] frame = JsonText.builder(start.length + "01J-a.b".length() + end.length)
                .raw(start).escaped("01J-a.b").raw(end).build();

        assertThat(utf8(frame)).isEqualTo("{\"u\":\"01J-a.b\"}");
        assertThat(frame).hasSize(start.length + 7 + end.length);
    }

    @ParameterizedTest
    @ValueSource(strings = {"say \"hi\"", "back\\slash", "line\nbreak\u0001", "caf\u00e9 \u2603 \ud83d\ude00", ""})
    void stringsNeedingEscapesOrBeyondAsciiComeOutAsTheJsonGeneratorWritesThem(String value) {
        byte[] frame = JsonText.builder(value.length() + 2).raw(JsonText.ascii("\"")).escaped(value)
                .raw(JsonText.ascii("\"")).build();

        assertThat(utf8(frame)).isEqualTo(MAPPER.writeValueAsString(value));
        assertThat(MAPPER.readValue(frame, String.class)).isEqualTo(value);
    }

    @Test
    void aStringThatStopsBeingPlainHalfWayIsWrittenWholeAndEscaped() {
        byte[] frame = JsonText.builder(3).escaped("ab\"cd").build();

        assertThat(utf8(frame)).isEqualTo("ab\\\"cd");
    }

    @Test
    void escapedUtf8IsTheInsideOfTheJsonString() {
        assertThat(utf8(JsonText.escapedUtf8("sub-1"))).isEqualTo("sub-1");
        assertThat(utf8(JsonText.escapedUtf8("q\"t"))).isEqualTo("q\\\"t");
    }
}
