package io.mpreg.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

class ReplyScannerTest {

    private static final String ID = "0003000000000029";

    @Test
    void readsTheIdOfACompactReply() {
        ByteBuf reply = frame("{\"role\":\"rpc-response\",\"u\":\"" + ID + "\",\"r\":{\"e\":\"abc\"},\"error\":null}");

        assertThat(ReplyScanner.id(reply)).isEqualTo(EchoRequestFrames.id(3, 41));
        assertThat(ReplyScanner.isFailure(reply)).isFalse();
    }

    @Test
    void readsAReplyWithSpacesAroundColons() {
        ByteBuf reply = frame("{ \"error\" : null, \"u\" : \"" + ID + "\", \"r\": {\"e\": \"abc\"} }");

        assertThat(ReplyScanner.id(reply)).isEqualTo(EchoRequestFrames.id(3, 41));
        assertThat(ReplyScanner.isFailure(reply)).isFalse();
    }

    @Test
    void aReplyWithoutAnErrorFieldSucceeded() {
        assertThat(ReplyScanner.isFailure(frame("{\"u\":\"" + ID + "\",\"r\":{\"e\":\"abc\"}}"))).isFalse();
    }

    @Test
    void aReplyWithAnErrorObjectFailed() {
        ByteBuf reply = frame("{\"u\":\"" + ID + "\",\"r\":null,\"error\":{\"code\":1001,\"kind\":\"FUNCTION_NOT_FOUND\"}}");

        assertThat(ReplyScanner.isFailure(reply)).isTrue();
    }

    @Test
    void idsThatAreMissingShortOrNotHexAreRejected() {
        assertThat(ReplyScanner.id(frame("{\"r\":{}}"))).isEqualTo(ReplyScanner.NO_ID);
        assertThat(ReplyScanner.id(frame("{\"u\":\"00030000\"}"))).isEqualTo(ReplyScanner.NO_ID);
        assertThat(ReplyScanner.id(frame("{\"u\":\"000300000000002x\"}"))).isEqualTo(ReplyScanner.NO_ID);
        assertThat(ReplyScanner.id(frame("{\"u\":null}"))).isEqualTo(ReplyScanner.NO_ID);
        assertThat(ReplyScanner.id(frame("{\"u\":\"" + ID))).isEqualTo(ReplyScanner.NO_ID);
    }

    @Test
    void requestFramesCarryTheIdTheScannerReads() {
        EchoRequestFrames frames = new EchoRequestFrames(EchoRequestFrames.payloadOf(30));
        ByteBuf request = Unpooled.buffer();

        frames.write(request, EchoRequestFrames.id(32_766, 123_456_789L));

        assertThat(request.readableBytes()).isEqualTo(frames.length());
        assertThat(request.toString(StandardCharsets.UTF_8)).isEqualTo(
                "{\"role\":\"rpc\",\"u\":\"7ffe0000075bcd15\",\"cmds\":[{\"name\":\"e\",\"fun\":\"echo\","
                        + "\"args\":[\"abcdefghijklmnopqrstuvwxyzabcd\"]}]}");
        long id = ReplyScanner.id(request);
        assertThat(EchoRequestFrames.slotOf(id)).isEqualTo(32_766);
        assertThat(EchoRequestFrames.sequenceOf(id)).isEqualTo(123_456_789L);
    }

    private static ByteBuf frame(String text) {
        return Unpooled.copiedBuffer(text, StandardCharsets.UTF_8);
    }
}
