package io.mpreg.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The 20 MiB default frame limit of client connections. */
@SharedServerContext
class FrameLimitTest {

    private static final int MIB = 1024 * 1024;

    @LocalServerPort
    int port;

    @Test
    void aFrameOverTheLimitClosesTheConnectionWithStatus1009() {
        String payload = "x".repeat(21 * MIB);
        try (RawWebSocket socket = RawWebSocket.connect(port, "/mpreg")) {
            socket.send("{\"role\":\"rpc\",\"u\":\"u-big\",\"cmds\":[{\"name\":\"a\",\"fun\":\"echo\",\"args\":[\""
                    + payload + "\"]}]}");

            assertThat(socket.awaitCloseStatus()).isEqualTo(1009);
        }
    }

    @Test
    void aFrameJustUnderTheLimitIsServed() {
        String payload = "y".repeat(19 * MIB);
        try (RawWebSocket socket = RawWebSocket.connect(port, "/")) {
            var reply = socket.call("{\"role\":\"rpc\",\"u\":\"u-large\",\"cmds\":[{\"name\":\"a\",\"fun\":\"echo\",\"args\":[\""
                    + payload + "\"]}]}");

            assertThat(reply.get("r").get("a").stringValue()).hasSize(19 * MIB);
        }
    }
}
