package io.mpreg.core.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

class StreamingDecodeTest {

    private static final String ROLE = "note";

    /** A message of a test role: the text of its {@code v} field and which decoder read it. */
    private record Note(String u, String v, String decodedBy) implements WireMessage {
        @Override
        public String role() {
            return ROLE;
        }

        @Override
        public void writeTo(JsonGenerator generator) {
            WireMessage.startFrame(generator, ROLE, u);
            generator.writeStringProperty("v", v);
            generator.writeEndObject();
        }
    }

    private final JsonMapper mapper = JsonMapper.builder().build();
    private final List<String> streamed = new ArrayList<>();
    private final WireCodec codec = WireCodec.rpc(mapper)
            .withRole(ROLE, (frame, fields) -> new Note(fields.requireU(), fields.requireString(frame, "v"), "tree"))
            .withStreamingRole(ROLE, this::stream);

    // Takes frames whose fields are exactly u then v, both strings; gives up on anything else.
    private @Nullable WireMessage stream(FrameReader frame) {
        if (!frame.nextField() || !frame.fieldIs("u") || frame.peek() != FrameReader.ValueType.STRING) {
            return null;
        }
        String u = frame.readString();
        if (!frame.nextField() || !frame.fieldIs("v") || frame.peek() != FrameReader.ValueType.STRING) {
            return null;
        }
        String v = frame.readString();
        streamed.add(v);
        return frame.nextField() ? null : new Note(u, v, "stream");
    }

    @Test
    void frameInTheStreamingShapeIsDecodedByTheStreamingDecoder() {
        assertThat(codec.decode("{\"role\":\"note\",\"u\":\"1\",\"v\":\"x\"}")).isEqualTo(new Note("1", "x", "stream"));
    }

    @Test
    void framesTheStreamingDecoderGivesUpOnAreDecodedAsTrees() {
        assertThat(codec.decode("{\"u\":\"1\",\"role\":\"note\",\"v\":\"x\"}")).isEqualTo(new Note("1", "x", "tree"));
        assertThat(codec.decode("{\"role\":\"note\",\"v\":\"x\",\"u\":\"1\"}")).isEqualTo(new Note("1", "x", "tree"));
    }

    @Test
    void frameWithTextAfterItsObjectIsLeftToTheTreeDecoder() {
        catchThrowableOfType(FrameRejectedException.class,
                () -> codec.decode("{\"role\":\"note\",\"u\":\"1\",\"v\":\"x\"} {"));
        assertThat(streamed).containsExactly("x");
    }

    @Test
    void badFrameGetsTheTreeDecodersRejection() {
        FrameRejectedException rejected = catchThrowableOfType(FrameRejectedException.class,
                () -> codec.decode("{\"role\":\"note\",\"u\":\"1\",\"v\":3}"));

        assertThat(rejected.getMessage()).contains("field 'v' must be a string");
        assertThat(rejected.u()).isEqualTo("1");
    }

    @Test
    void truncatedFrameIsRejectedAsNotJson() {
        FrameRejectedException rejected = catchThrowableOfType(FrameRejectedException.class,
                () -> codec.decode("{\"role\":\"note\",\"u\":\"1\",\"v\":\"x"));

        assertThat(rejected.getMessage()).contains("not valid JSON");
    }

    @Test
    void streamingDecoderNeedsATreeDecoderForItsRole() {
        assertThatThrownBy(() -> WireCodec.rpc(mapper).withStreamingRole("other", frame -> null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no decoder to fall back to");
    }
}
