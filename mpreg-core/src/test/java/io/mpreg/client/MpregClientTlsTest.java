package io.mpreg.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;

import io.mpreg.core.node.MpregNode;
import io.mpreg.core.transport.SelfSignedTls;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MpregClientTlsTest {

    @Test
    void clientCallsANodeServingWss(@TempDir Path dir) throws Exception {
        SelfSignedTls tls = SelfSignedTls.create(dir);

        try (MpregNode node = MpregNode.builder().host("127.0.0.1").port(0).tls(tls.keyManagers()).start();
             MpregClient client = MpregClient.builder().urls(node.url()).trust(tls.trustManagers()).build()) {

            assertThat(node.url()).startsWith("wss://127.0.0.1:");
            assertThat(client.call("echo", String.class, "secret").block(Duration.ofSeconds(20))).isEqualTo("secret");
        }
    }
}
