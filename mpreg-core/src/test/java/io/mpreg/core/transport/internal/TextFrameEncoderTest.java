package io.mpreg.core.transport.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

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

    private static ByteBuf encodeAll(TextFrameEncoder encoder, List<String> texts) {
        ByteBuf out = Unpooled.buffer();
        for (String text : texts) {
            byte[] payload = TextFrameEncoder.payload(text);
            int before = out.writerIndex();
            encoder.write(payload, out);
            assertThat(out.writerIndex() - before).isEqualTo(encoder.frameSize(payload.length));
        }
        return out;
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
    void maskedPayloadDiffersFromTheTextOnTheWire() {
        String text = ascii(40);
        ByteBuf out = Unpooled.buffer();

        TextFrameEncoder.masking(() -> 0x5A5A5A5A).write(TextFrameEncoder.payload(text), out);

        byte[] wire = new byte[text.length()];
        out.getBytes(6, wire);
        assertThat(new String(wire, StandardCharsets.UTF_8)).isNotEqualTo(text);
        assertThat(out.getByte(1) & 0x80).isEqualTo(0x80);
    }
}
