package io.mpreg.core.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class Utf8TextTest {

    /** Text in two parts, as a notification's head and shared message are. */
    private static final class TwoParts extends Utf8Text {
        private final byte[] first = "héllo ".getBytes(StandardCharsets.UTF_8);
        private final byte[] second = "wörld €".getBytes(StandardCharsets.UTF_8);

        @Override
        public int utf8Length() {
            return first.length + second.length;
        }

        @Override
        public void writeUtf8(ByteSink sink) {
            sink.write(first);
            sink.write(second);
        }
    }

    @Test
    void bytesReadAreTheTextAndAreSharedNotCopied() {
        byte[] utf8 = "{\"topic\":\"t\u00e9\"}".getBytes(StandardCharsets.UTF_8);

        Utf8Text text = Utf8Text.ofUtf8(utf8);

        assertThat(text.toUtf8()).isSameAs(utf8);
        assertThat(text.utf8Length()).isEqualTo(utf8.length);
        assertThat(text.toString()).isEqualTo("{\"topic\":\"t\u00e9\"}");
        assertThat(text.length()).isEqualTo(14);
    }

    @Test
    void partsAreJoinedIntoOneArrayAndDecodedOnce() {
        Utf8Text text = new TwoParts();

        assertThat(new String(text.toUtf8(), StandardCharsets.UTF_8)).isEqualTo("héllo wörld €");
        assertThat(text.toString()).isSameAs(text.toString()).isEqualTo("héllo wörld €");
    }

    @Test
    void anyTextIsGivenAsItsBytesAndUtf8TextAsItself() {
        Utf8Text parts = new TwoParts();

        assertThat(Utf8Text.of(parts)).isSameAs(parts);
        assertThat(Utf8Text.of("ünï").toUtf8()).isEqualTo("ünï".getBytes(StandardCharsets.UTF_8));
    }
}
