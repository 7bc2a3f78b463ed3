package io.mpreg.core.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** {@link WireCodec#utf8Length} agrees with encoding the text, without encoding it. */
class Utf8LengthProperties {

    @Property
    void utf8LengthEqualsTheSizeOfTheEncodedText(@ForAll String text) {
        assertThat(WireCodec.utf8Length(text)).isEqualTo(text.getBytes(StandardCharsets.UTF_8).length);
    }

    @Example
    void multiByteCharactersCountEveryByte() {
        assertThat(WireCodec.utf8Length("a")).isEqualTo(1);
        assertThat(WireCodec.utf8Length("é")).isEqualTo(2);
        assertThat(WireCodec.utf8Length("€")).isEqualTo(3);
        assertThat(WireCodec.utf8Length("😀")).isEqualTo(4);
        assertThat(WireCodec.utf8Length("\uD83D")).as("a lone surrogate encodes as '?'").isEqualTo(1);
    }
}
