package io.mpreg.core.wire;

import java.util.Objects;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * A frame being read token by token, for {@link StreamingFrameDecoder}s: the
 * parser, plus reads of whole values as the text they were sent as, so a
 * value passed through unchanged (a published payload) is never parsed into
 * a tree nor written out again.
 */
public final class FrameReader {

    private final JsonParser parser;
    private final String text;
    private final JsonMapper mapper;
    private final ObjectReader valueReader;

    FrameReader(JsonParser parser, String text, JsonMapper mapper, ObjectReader valueReader) {
        this.parser = parser;
        this.text = text;
        this.mapper = mapper;
        this.valueReader = valueReader;
    }

    /** What {@link #treeValue} reads with: a tree reader of {@code mapper} that lets the frame go on after the value. */
    static ObjectReader valueReader(JsonMapper mapper) {
        return mapper.readerFor(JsonNode.class).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    /** The parser over the frame. */
    public JsonParser parser() {
        return parser;
    }

    /** The mapper of the codec reading the frame, for values that are needed as trees. */
    public JsonMapper mapper() {
        return mapper;
    }

    /**
     * The value starting at the current token, as the JSON text it was sent
     * as (an object or array whole); the parser is left on its last token.
     */
    public String rawValue() {
        JsonToken token = Objects.requireNonNull(parser.currentToken(), "no current token");
        int start = (int) parser.currentTokenLocation().getCharOffset();
        if (token.isStructStart()) {
            parser.skipChildren();
        } else {
            // Strings are scanned lazily: finish this one so the position is past its end.
            parser.finishToken();
        }
        int end = (int) parser.currentLocation().getCharOffset();
        return text.substring(start, end);
    }

    /** The value starting at the current token, as a tree; the parser is left on its last token. */
    public JsonNode treeValue() {
        return valueReader.readValue(parser);
    }
}
