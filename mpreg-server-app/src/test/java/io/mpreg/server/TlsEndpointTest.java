package io.mpreg.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.mpreg.client.MpregClient;
import io.mpreg.core.node.MpregNode;
import io.mpreg.core.pubsub.PubSubMessage;
import io.mpreg.core.transport.SelfSignedTls;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import reactor.core.Disposable;

/** The server app behind Spring Boot's own TLS settings serves RPC and pub/sub over {@code wss://}. */
class TlsEndpointTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void clientsCallAndSubscribeOverWss(@TempDir Path dir) throws Exception {
        SelfSignedTls tls = SelfSignedTls.create(dir);
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(MpregServerApplication.class).run(
                "--server.address=127.0.0.1", "--server.port=0", "--mpreg.node.name=tls-node",
                "--server.ssl.key-store=" + dir.resolve(SelfSignedTls.KEY_STORE_FILE).toUri(),
                "--server.ssl.key-store-type=PKCS12",
                "--server.ssl.key-store-password=" + SelfSignedTls.PASSWORD)) {
            String url = "wss://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port") + "/mpreg";
            try (MpregClient client = MpregClient.builder().urls(url).trust(tls.trustManagers()).build()) {
                assertThat(client.call("echo", String.class, "over tls").block(WAIT)).isEqualTo("over tls");

                List<PubSubMessage> received = new CopyOnWriteArrayList<>();
                Disposable feed = client.subscribe("secure.#").subscribe(received::add);
                MpregNode node = app.getBean(MpregNode.class);
                await().atMost(WAIT).until(() -> node.pubSub().stats().subscriptions() == 1);

                client.publish("secure.hello", "hi").block(WAIT);

                await().atMost(WAIT).until(() -> received.size() == 1);
                assertThat(received.get(0).topic()).isEqualTo("secure.hello");
                assertThat(node.transportStats().openConnections()).isEqualTo(1);
                feed.dispose();
            }
        }
    }
}
