package io.mpreg.core.transport.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocket08FrameEncoder;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Frames as Netty's own encoder writes them (a client's masked, a server's not), read back by our decoder. */
class WebSocketMessageDecoderTest {

    private static final int LIMIT = 100_000;

    private final List<String> events = new ArrayList<>();
    private EmbeddedChannel channel = serverSide(LIMIT);

    private EmbeddedChannel serverSide(int limit) {
        return new EmbeddedChannel(new WebSocketMessageDecoder(true, limit, new Recorder()));
    }

    private final class Recorder implements WebSocketMessageDecoder.Messages {
        @Override
        public void activity() {
            events.add("activity");
        }

        @Override
        public void message(byte[] utf8) {
            events.add("message " + new String(utf8, StandardCharsets.UTF_8));
        }

        @Override
        public void tooLarge(long size, int limit) {
            events.add("too large " + size + " > " + limit);
        }

        @Override
        public void readComplete() {
            events.add("read complete");
        }
    }

    @AfterEach
    void release() {
        channel.finishAndReleaseAll();
    }

    // The bytes Netty's encoder writes for these frames, masked as a client's when asked.
    private static ByteBuf encoded(boolean masked, WebSocketFrame... frames) {
        EmbeddedChannel encoder = new EmbeddedChannel(new WebSocket08FrameEncoder(masked));
        for (WebSocketFrame frame : frames) {
            encoder.writeOutbound(frame);
        }
        ByteBuf all = Unpooled.buffer();
        for (ByteBuf part; (part = encoder.readOutbound()) != null; ) {
            all.writeBytes(part);
            part.release();
        }
        encoder.finishAndReleaseAll();
        return all;
    }

    private List<String> messages() {
        return events.stream().filter(event -> event.startsWith("message ")).map(event -> event.substring(8)).toList();
    }

    private CloseWebSocketFrame closeFrameSent() {
        Object written = channel.readOutbound();
        assertThat(written).isInstanceOf(CloseWebSocketFrame.class);
        return (CloseWebSocketFrame) written;
    }

    @Test
    void messagesOfEveryLengthEncodingAreReadWhole() {
        String small = "{\"role\":\"pubsub-publish\"}";
        String medium = "m".repeat(300);
        String large = "l".repeat(70_000);

        channel.writeInbound(encoded(true, new TextWebSocketFrame(small), new TextWebSocketFrame(medium),
                new TextWebSocketFrame(large), new TextWebSocketFrame("")));

        assertThat(messages()).containsExactly(small, medium, large, "");
        assertThat(events).startsWith("activity").endsWith("read complete");
    }

    @Test
    void textThatIsNotAsciiAndEveryMaskAlignmentSurvive() {
        List<String> texts = new ArrayList<>();
        for (int length = 0; length < 40; length++) {
            texts.add("ü€" + "x".repeat(length) + "😀");
        }

        channel.writeInbound(encoded(true, texts.stream().map(TextWebSocketFrame::new).toArray(WebSocketFrame[]::new)));

        assertThat(messages()).containsExactlyElementsOf(texts);
    }

    @Test
    void aFrameSplitAcrossReadsIsReadOnceComplete() {
        ByteBuf bytes = encoded(true, new TextWebSocketFrame("split" + "s".repeat(200)));

        for (int i = 0; i < bytes.readableBytes(); i += 7) {
            channel.writeInbound(bytes.retainedSlice(i, Math.min(7, bytes.readableBytes() - i)));
        }
        bytes.release();

        assertThat(messages()).containsExactly("split" + "s".repeat(200));
    }

    @Test
    void fragmentsAreJoinedAndControlFramesBetweenThemPassOn() {
        channel.writeInbound(encoded(true,
                new TextWebSocketFrame(false, 0, Unpooled.copiedBuffer("frag".getBytes())),
                new PingWebSocketFrame(Unpooled.wrappedBuffer(new byte[] {1, 2, 3})),
                new ContinuationWebSocketFrame(false, 0, "men"),
                new ContinuationWebSocketFrame(true, 0, "ted"),
                new BinaryWebSocketFrame(Unpooled.wrappedBuffer("binary as text".getBytes()))));

        assertThat(messages()).containsExactly("fragmented", "binary as text");
        PingWebSocketFrame ping = channel.readInbound();
        assertThat(ping.content().readableBytes()).isEqualTo(3);
        assertThat(ping.content().getByte(2)).isEqualTo((byte) 3);
        ping.release();
    }

    @Test
    void pongsAndClosesPassOnUnmasked() {
        channel.writeInbound(encoded(true, new PongWebSocketFrame(Unpooled.wrappedBuffer(new byte[] {9})),
                new CloseWebSocketFrame(1000, "bye")));

        PongWebSocketFrame pong = channel.readInbound();
        assertThat(pong.content().getByte(0)).isEqualTo((byte) 9);
        pong.release();
        CloseWebSocketFrame close = channel.readInbound();
        assertThat(close.statusCode()).isEqualTo(1000);
        assertThat(close.reasonText()).isEqualTo("bye");
        close.release();
    }

    @Test
    void anOversizeMessageIsReportedOnceAndSkippedAsItArrives() {
        channel = serverSide(1_000);
        ByteBuf oversize = encoded(true, new TextWebSocketFrame("o".repeat(5_000)));
        channel.writeInbound(oversize.retainedSlice(0, 100));

        assertThat(events).contains("too large 5000 > 1000");

        channel.writeInbound(oversize.retainedSlice(100, oversize.readableBytes() - 100));
        oversize.release();
        channel.writeInbound(encoded(true,
                new TextWebSocketFrame(false, 0, Unpooled.copiedBuffer("a".repeat(600).getBytes())),
                new ContinuationWebSocketFrame(true, 0, "b".repeat(600)),
                new TextWebSocketFrame("fits")));

        assertThat(events).filteredOn(event -> event.startsWith("too large"))
                .containsExactly("too large 5000 > 1000", "too large 1200 > 1000");
        assertThat(messages()).containsExactly("fits");
    }

    @Test
    void aClientsUnmaskedFrameIsAProtocolError() {
        channel.writeInbound(encoded(false, new TextWebSocketFrame("unmasked")));

        CloseWebSocketFrame close = closeFrameSent();
        assertThat(close.statusCode()).isEqualTo(1002);
        close.release();
        assertThat(messages()).isEmpty();
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void aServersMaskedFrameIsAProtocolErrorForAClient() {
        channel = new EmbeddedChannel(new WebSocketMessageDecoder(false, LIMIT, new Recorder()));
        channel.writeInbound(encoded(false, new TextWebSocketFrame("from a server")));
        assertThat(messages()).containsExactly("from a server");

        channel.writeInbound(encoded(true, new TextWebSocketFrame("masked")));

        CloseWebSocketFrame close = closeFrameSent();
        assertThat(close.statusCode()).isEqualTo(1002);
        close.release();
        assertThat(messages()).containsExactly("from a server");
    }

    @Test
    void brokenFramingClosesWith1002AndNothingAfterItIsRead() {
        byte[][] broken = {
            {(byte) 0xC1, (byte) 0x80, 0, 0, 0, 0},             // RSV1 set, no extension agreed
            {(byte) 0x80, (byte) 0x80, 0, 0, 0, 0},             // continuation with nothing to continue
            {(byte) 0x83, (byte) 0x80, 0, 0, 0, 0},             // reserved data opcode
            {(byte) 0x8B, (byte) 0x80, 0, 0, 0, 0},             // reserved control opcode
            {(byte) 0x09, (byte) 0x80, 0, 0, 0, 0},             // fragmented ping
            {(byte) 0x89, (byte) 0xFE, 0, 126, 0, 0, 0, 0},     // ping longer than 125 bytes
            {(byte) 0x88, (byte) 0x81, 0, 0, 0, 0, 3},          // close with a one-byte payload
            {(byte) 0x88, (byte) 0x82, 0, 0, 0, 0, 0x03, (byte) 0xE7}, // close with status 999
        };
        for (byte[] frame : broken) {
            channel.finishAndReleaseAll();
            events.clear();
            channel = serverSide(LIMIT);

            ByteBuf bytes = Unpooled.wrappedBuffer(frame);
            channel.writeInbound(Unpooled.wrappedBuffer(bytes, encoded(true, new TextWebSocketFrame("after"))));

            CloseWebSocketFrame close = closeFrameSent();
            assertThat(close.statusCode()).as("status for %s", List.of(frame)).isEqualTo(1002);
            close.release();
            assertThat(messages()).isEmpty();
        }
    }

    @Test
    void aNewMessageInsideAFragmentedOneIsAProtocolError() {
        channel.writeInbound(encoded(true, new TextWebSocketFrame(false, 0, Unpooled.copiedBuffer("start".getBytes())),
                new TextWebSocketFrame("interrupting")));

        CloseWebSocketFrame close = closeFrameSent();
        assertThat(close.statusCode()).isEqualTo(1002);
        close.release();
        assertThat(messages()).isEmpty();
    }
}
