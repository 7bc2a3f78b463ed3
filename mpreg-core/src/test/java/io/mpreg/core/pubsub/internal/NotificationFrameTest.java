package io.mpreg.core.pubsub.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import io.mpreg.core.pubsub.PubSubMessage;
import io.mpreg.core.pubsub.PubSubNotification;
import io.mpreg.core.pubsub.PubSubWire;
import io.mpreg.core.wire.WireCodec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.StringNode;

class NotificationFrameTest {

    private final JsonMapper mapper = JsonMapper.builder().build();
    private final WireCodec codec = PubSubWire.register(WireCodec.rpc(mapper));

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"01J0000000000000000000000A|sub-1", "n \"1\"|s\\\\ub", "ünï|sübscription €"})
    void theFrameInPartsIsWhatTheGeneratorWritesForTheNotification(String u, String subscriptionId) {
        PubSubMessage message = PubSubMessage.of("sensors.t", StringNode.valueOf("payload \"quoted\""), "m-1", "p", 1.5);
        byte[] messageUtf8 = message.toJson(mapper).getBytes(StandardCharsets.UTF_8);

        PubSubNotification notification = new PubSubNotification(u, subscriptionId, message, messageUtf8);
        NotificationFrame frame = new NotificationFrame(notification, NotificationFrame.subscriptionPart(subscriptionId),
                messageUtf8);

        String generated = codec.encode(new PubSubNotification(u, subscriptionId, message));
        assertThat(frame.toString()).isEqualTo(generated);
        assertThat(frame.utf8Length()).isEqualTo(generated.getBytes(StandardCharsets.UTF_8).length);
        assertThat(frame.notification()).isSameAs(notification);
    }
}
