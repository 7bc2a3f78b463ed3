package io.mpreg.core.transport.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import io.mpreg.core.transport.Utf8Text;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

class TextFrameEncoderTest {

    private static String ascii(int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append((char) ('a' + i % 26));
        }
        return text.toString();
    }

    private static ByteBuf encodeAll(TextFrameEncoder encoder, List<? extends CharSequence> texts) {
        ByteBuf out = Unpooled.buffer();
        for (CharSequence text : texts) {
            Utf8Text payload = Utf8Text.of(text);
            int before = out.writerIndex();
            encoder.write(payload, out);
            assertThat(out.writerIndex() - before).isEqualTo(encoder.frameSize(payload.utf8Length()));
        }
        return out;
    }

    /** Text given as UTF-8 parts, as a fanned-out notification is. */
    private static Utf8Text inParts(String... parts) {
        return new Utf8Text() {
            @Override
            public int utf8Length() {
                return Arrays.stream(parts).mapToInt(part -> part.getBytes(StandardCharsets.UTF_8).length).sum();
            }

            @Override
            public void writeUtf8(ByteSink sink) {
                for (String part : parts) {
                    sink.write(part.getBytes(StandardCharsets.UTF_8));
                }
            }
        };
    }

    @Test
    void maskedFramesOfEveryLengthClassDecodeToTheirTextsInOrder() {
        List<String> texts = List.of("", "a", ascii(7), ascii(8), ascii(125), ascii(126), ascii(65_535),
                ascii(65_536), "{\"topic\":\"caf\u00e9 \u2603 \ud83d\ude00\"}");
        TextFrameEncoder encoder = TextFrameEncoder.masking(new Random(42)::nextInt);

        assertThat(PeerDecoder.texts(encodeAll(encoder, texts), true)).containsExactlyElementsOf(texts);
    }

    @Test
    void unmaskedFramesDecodeOnTheClientSide() {
        List<String> texts = List.of("{\"role\":\"pubsub-notification\"}", ascii(300), "\u00fcber");

        assertThat(PeerDecoder.texts(encodeAll(TextFrameEncoder.unmasked(), texts), false)).containsExactlyElementsOf(texts);
    }

    @Test
    void textGivenAsUtf8PartsIsFramedAsItsStringWouldBe() {
        Utf8Text parts = inParts("{\"u\":\"", "caf\u00e9 \ud83d\ude00", "\",\"x\":", ascii(200), "}");
        String whole = "{\"u\":\"caf\u00e9 \ud83d\ude00\",\"x\":" + ascii(200) + "}";

        assertThat(parts.toString()).isEqualTo(whole);
        assertThat(PeerDecoder.texts(encodeAll(TextFrameEncoder.unmasked(), List.of(parts)), false))
                .containsExactly(whole);
        assertThat(PeerDecoder.texts(encodeAll(TextFrameEncoder.masking(new Random(7)::nextInt), List.of(parts)), true))
                .containsExactly(whole);
    }

    @Test
    void maskedPartsStartingAtEveryKeyOffsetDecodeToTheirText() {
        String[] parts = new String[18];
        for (int length = 0; length < parts.length; length++) {
            parts[length] = ascii(length);
        }
        Utf8Text text = inParts(parts);

        assertThat(PeerDecoder.texts(encodeAll(TextFrameEncoder.masking(new Random(3)::nextInt), List.of(text)), true))
                .containsExactly(String.join("", parts));
    }

    @Test
    void textWritingOtherThanItsLengthIsRefused() {
        Utf8Text lying = new Utf8Text() {
            @Override
            public int utf8Length() {
                return 3;
            }

            @Override
            public void writeUtf8(ByteSink sink) {
                sink.write(new byte[] {'a', 'b'});
            }
        };

        assertThatThrownBy(() -> TextFrameEncoder.unmasked().write(lying, Unpooled.buffer()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("2 bytes, not 3");
    }

    @Test
    void maskedPayloadDiffersFromTheTextOnTheWire() {
        String text = ascii(40);
        ByteBuf out = Unpooled.buffer();

        TextFrameEncoder.masking(() -> 0x5A5A5A5A).write(Utf8Text.of(text), out);

        byte[] wire = new byte[text.length()];
        out.getBytes(6, wire);
        assertThat(new String(wire, StandardCharsets.UTF_8)).isNotEqualTo(text);
        assertThat(out.getByte(1) & 0x80).isEqualTo(0x80);
    }
}
