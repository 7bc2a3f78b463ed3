package io.mpreg.core.wire;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

class FrameReaderTest {

    private final JsonMapper mapper = JsonMapper.builder().build();

    @ParameterizedTest
    @ValueSource(strings = {"{\"a\":[1,{\"b\":\"}\"}],\"c\":null}", "[ 1 , 2 ]", "\"say \\\"hi\\\" \\u00e9\"", "-12.5e3",
            "0", "true", "false", "null", "{}", "\"\""})
    void rawValueIsTheValueExactlyAsSentAndTheParserGoesOnAfterIt(String value) {
        String frame = "{ \"v\" :  " + value + " ,\"next\":7}";
        JsonParser parser = mapper.createParser(frame);
        FrameReader reader = new FrameReader(parser, frame, mapper, FrameReader.valueReader(mapper));
        parser.nextToken();
        parser.nextName();
        parser.nextToken();

        String raw = reader.rawValue();

        assertThat(raw).isEqualTo(value);
        assertThat(parser.nextName()).isEqualTo("next");
        assertThat(parser.nextToken()).isEqualTo(JsonToken.VALUE_NUMBER_INT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"k\":[1,2]}", "[]", "\"text\""})
    void treeValueReadsTheValueAndTheParserGoesOnAfterIt(String value) {
        String frame = "{\"v\":" + value + ",\"next\":7}";
        JsonParser parser = mapper.createParser(frame);
        FrameReader reader = new FrameReader(parser, frame, mapper, FrameReader.valueReader(mapper));
        parser.nextToken();
        parser.nextName();
        parser.nextToken();

        assertThat(reader.treeValue()).isEqualTo(mapper.readTree(value));
        assertThat(parser.nextName()).isEqualTo("next");
    }
}
