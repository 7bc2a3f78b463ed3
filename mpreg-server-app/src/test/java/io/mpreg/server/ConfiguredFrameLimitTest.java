package io.mpreg.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/** {@code mpreg.node.max-frame-size} is the limit of the WebFlux endpoint's connections. */
@SpringBootTest(classes = MpregServerApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {"server.address=127.0.0.1", "mpreg.node.name=small-frames", "mpreg.node.max-frame-size=64KB"})
class ConfiguredFrameLimitTest {

    private static final int KIB = 1024;

    @LocalServerPort
    int port;

    @Test
    void aFrameOverTheConfiguredLimitClosesTheConnectionWith1009() {
        try (RawWebSocket socket = RawWebSocket.connect(port, "/mpreg")) {
            socket.send(echoFrame("x".repeat(65 * KIB)));

            assertThat(socket.awaitCloseStatus()).isEqualTo(1009);
        }
    }

    @Test
    void aFrameUnderTheConfiguredLimitIsServed() {
        try (RawWebSocket socket = RawWebSocket.connect(port, "/mpreg")) {
            var reply = socket.call(echoFrame("y".repeat(63 * KIB)));

            assertThat(reply.get("r").get("a").stringValue()).hasSize(63 * KIB);
        }
    }

    private static String echoFrame(String text) {
        return "{\"role\":\"rpc\",\"u\":\"u1\",\"cmds\":[{\"name\":\"a\",\"fun\":\"echo\",\"args\":[\"" + text + "\"]}]}";
    }
}
