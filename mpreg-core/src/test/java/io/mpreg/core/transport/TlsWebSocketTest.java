package io.mpreg.core.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;

import io.mpreg.core.error.ErrorKind;
import io.mpreg.core.error.MpregException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TlsWebSocketTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void framesTravelOverWssWithTheSameFraming(@TempDir Path dir) throws Exception {
        SelfSignedTls tls = SelfSignedTls.create(dir);

        try (BoundServer server = WebSocketServer.create().host("127.0.0.1").port(0)
                .tls(tls.keyManagers()).handler(new EchoHandler()).bind();
             WebSocketClientConnection connection = WebSocketClient.create().trust(tls.trustManagers())
                     .connect("wss://127.0.0.1:" + server.port() + "/mpreg").block(WAIT)) {
            connection.send("{\"secure\":true}");

            assertThat(connection.inbound().blockFirst(WAIT)).isEqualTo("{\"secure\":true}");
        }
    }

    @Test
    void untrustedCertificateIsRefusedWithNodeLost(@TempDir Path dir) throws Exception {
        SelfSignedTls tls = SelfSignedTls.create(dir);

        try (BoundServer server = WebSocketServer.create().host("127.0.0.1").port(0)
                .tls(tls.keyManagers()).handler(new EchoHandler()).bind()) {

            assertThatThrownBy(() -> WebSocketClient.create()
                    .connect("wss://127.0.0.1:" + server.port() + "/mpreg").block(WAIT))
                    .isInstanceOfSatisfying(MpregException.class,
                            e -> assertThat(e.kind()).isEqualTo(ErrorKind.NODE_LOST));
        }
    }
}
