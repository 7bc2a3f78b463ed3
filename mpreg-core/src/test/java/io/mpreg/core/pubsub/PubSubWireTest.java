package io.mpreg.core.pubsub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.util.List;

import io.mpreg.core.wire.FrameRejectedException;
import io.mpreg.core.wire.WireCodec;
import io.mpreg.core.wire.WireMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

class PubSubWireTest {

    private final JsonMapper mapper = JsonMapper.builder().build();
    private final WireCodec codec = PubSubWire.register(WireCodec.rpc(mapper));

    @Test
    void subscribeFrameOfTheProtocolDecodesAndEncodesBackUnchanged() {
        String frame = "{\"role\":\"pubsub-subscribe\",\"u\":\"01J1\",\"subscription\":{\"subscription_id\":\"sub-1\","
                + "\"patterns\":[{\"pattern\":\"sensors.*.building1.#\",\"exact_match\":false}],"
                + "\"subscriber\":\"dashboard-1\",\"get_backlog\":true,\"backlog_seconds\":300.0}}";

        WireMessage message = codec.decode(frame);

        assertThat(message).isEqualTo(new PubSubSubscribe("01J1", new SubscriptionRequest("sub-1",
                List.of(TopicPattern.of("sensors.*.building1.#")), "dashboard-1", true, 300.0)));
        assertThat(codec.encode(message)).isEqualTo(frame);
    }

    @Test
    void publishFrameOfTheProtocolDecodesAndEncodesBackUnchanged() {
        String frame = "{\"role\":\"pubsub-publish\",\"u\":\"01J2\",\"message\":{"
                + "\"topic\":\"sensors.temperature.building1.floor2\",\"payload\":{\"value\":23.5},"
                + "\"message_id\":\"msg-1\",\"publisher\":\"gateway-1\",\"timestamp\":1700000000.123,"
                + "\"headers\":{\"unit\":\"C\"}}}";

        PubSubPublish publish = (PubSubPublish) codec.decode(frame);

        assertThat(publish.message().timestamp()).isEqualTo(1700000000.123);
        assertThat(publish.message().headers()).containsOnlyKeys("unit");
        assertThat(codec.encode(publish)).isEqualTo(frame);
    }

    @Test
    void unsubscribeAndNotificationRoundTrip() {
        String unsubscribe = "{\"role\":\"pubsub-unsubscribe\",\"u\":\"01J3\",\"subscription_id\":\"sub-1\"}";
        String notification = "{\"role\":\"pubsub-notification\",\"u\":\"n-1\",\"subscription_id\":\"sub-1\","
                + "\"message\":{\"topic\":\"a.b\",\"payload\":{},\"message_id\":\"msg-1\",\"publisher\":\"gateway-1\","
                + "\"timestamp\":1700000000.123,\"headers\":{}}}";

        assertThat(codec.encode(codec.decode(unsubscribe))).isEqualTo(unsubscribe);
        assertThat(codec.encode(codec.decode(notification))).isEqualTo(notification);
    }

    @Test
    void notificationWithPreRenderedMessageEncodesExactlyAsOneWrittenFieldByField() {
        PubSubMessage message = ((PubSubPublish) codec.decode("{\"role\":\"pubsub-publish\",\"u\":\"p\","
                + "\"message\":{\"topic\":\"a.b\",\"payload\":{\"t\":\"caf\u00e9 \\\"q\\\" \\n \\u0001\"},"
                + "\"message_id\":\"m\\\\1\",\"publisher\":\"\u00fc\",\"timestamp\":1.5,"
                + "\"headers\":{\"k\":[1,null]}}}")).message();
        String awkwardId = "sub/\"1\" \\ \u0002 \u20ac \u2028 \u007f";

        String rendered = codec.encode(new PubSubNotification("n/\"1", awkwardId, message,
                message.toJson(mapper).getBytes(StandardCharsets.UTF_8)));

        assertThat(rendered).isEqualTo(codec.encode(new PubSubNotification("n/\"1", awkwardId, message)));
        assertThat(codec.decode(rendered)).isEqualTo(new PubSubNotification("n/\"1", awkwardId, message));
    }

    @Test
    void successfulAckAssembledAsTextEqualsTheOneWrittenFieldByField() {
        PubSubAck ack = PubSubAck.ok("u/\"1\" \\ \u0002 \u20ac");

        assertThat(codec.encode(ack)).isEqualTo(WireCodec.writeJson(mapper, ack::writeTo));
        assertThat(codec.decode(codec.encode(ack))).isEqualTo(ack);
    }

    @Test
    void acksHaveTheShapeOfTheProtocol() {
        assertThat(codec.encode(PubSubAck.ok("01J4")))
                .isEqualTo("{\"role\":\"pubsub-ack\",\"u\":\"01J4\",\"operation_id\":\"01J4\",\"success\":true}");
        String failed = "{\"role\":\"pubsub-ack\",\"u\":\"01J4\",\"operation_id\":\"01J4\",\"success\":false,"
                + "\"error\":\"no subscription 'x' on this connection\",\"error_code\":1009}";
        assertThat(codec.encode(codec.decode(failed))).isEqualTo(failed);
    }

    @Test
    void publishWithoutMessageIdUsesTheRequestIdAndLeavesTheTimeToTheNode() {
        PubSubPublish publish = (PubSubPublish) codec.decode(
                "{\"role\":\"pubsub-publish\",\"u\":\"01J5\",\"message\":{\"topic\":\"a\"}}");

        assertThat(publish.message().messageId()).isEqualTo("01J5");
        assertThat(publish.message().timestamp()).isNull();
        assertThat(publish.message().payload().isNull()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"role\":\"pubsub-subscribe\",\"u\":\"x\"}",
            "{\"role\":\"pubsub-subscribe\",\"u\":\"x\",\"subscription\":{\"subscription_id\":\"s\",\"patterns\":[]}}",
            "{\"role\":\"pubsub-subscribe\",\"u\":\"x\",\"subscription\":{\"subscription_id\":\"s\",\"patterns\":[{\"pattern\":\"a..b\"}]}}",
            "{\"role\":\"pubsub-subscribe\",\"u\":\"x\",\"subscription\":{\"subscription_id\":\"s\",\"patterns\":[{\"pattern\":\"a\",\"exact_match\":\"yes\"}]}}",
            "{\"role\":\"pubsub-subscribe\",\"u\":\"x\",\"subscription\":{\"subscription_id\":\"s\",\"patterns\":[{\"pattern\":\"a\"}],\"backlog_seconds\":-1}}",
            "{\"role\":\"pubsub-publish\",\"u\":\"x\",\"message\":{\"topic\":\"\"}}",
            "{\"role\":\"pubsub-publish\",\"u\":\"x\",\"message\":{\"topic\":\"a\",\"timestamp\":\"now\"}}",
            "{\"role\":\"pubsub-unsubscribe\",\"u\":\"x\",\"subscription_id\":7}"
    })
    void badFieldsBecomeAFailedAckNamingTheProblem(String frame) {
        FrameRejectedException rejection = catchThrowableOfType(FrameRejectedException.class,
                () -> codec.decode(frame));

        assertThat(PubSubWire.isPubSubRole(rejection)).isTrue();
        PubSubAck ack = PubSubWire.rejectionAck(rejection);
        assertThat(ack.success()).isFalse();
        assertThat(ack.u()).isEqualTo("x");
        assertThat(ack.operationId()).isEqualTo("x");
        assertThat(ack.errorCode()).isEqualTo(1005);
        assertThat(ack.error()).isNotBlank();
    }

    @Test
    void rejectedSubscribeAckNamesTheField() {
        FrameRejectedException rejection = catchThrowableOfType(FrameRejectedException.class,
                () -> codec.decode("{\"role\":\"pubsub-subscribe\",\"u\":\"x\"}"));

        assertThat(codec.encode(PubSubWire.rejectionAck(rejection))).isEqualTo(
                "{\"role\":\"pubsub-ack\",\"u\":\"x\",\"operation_id\":\"x\",\"success\":false,"
                        + "\"error\":\"field 'subscription' must be an object\",\"error_code\":1005}");
    }

    @Test
    void publishedPayloadIsPassedOnExactlyAsItWasSent() {
        String payload = "{ \"value\" : 1.10, \"tags\": [\"\\u00e9\"] }";
        PubSubPublish publish = (PubSubPublish) codec.decode("{\"role\":\"pubsub-publish\",\"u\":\"p1\","
                + "\"message\":{\"topic\":\"a.b\",\"payload\":" + payload + "}}");

        assertThat(publish.message().toJson(mapper)).isEqualTo("{\"topic\":\"a.b\",\"payload\":" + payload
                + ",\"message_id\":\"p1\",\"publisher\":\"\",\"timestamp\":null,\"headers\":{}}");
        assertThat(publish.message().payload()).isEqualTo(mapper.readTree(payload));
    }

    @ParameterizedTest
    @CsvSource({"1700000000.123, 1700000000.123", "1700000000.12, 1700000000.12", "1700000000.003, 1700000000.003",
            "1700000000, 1700000000.0", "1.5, 1.5", "0.05, 0.05", "0.0001, 0.00010", "-1.5, -1.5",
            "1e15, 1000000000000000"})
    void timestampsAreWrittenInPlainNotation(double seconds, String written) {
        String text = PubSubMessage.plainSeconds(seconds);

        assertThat(text).isEqualTo(written);
        assertThat(Double.parseDouble(text)).isEqualTo(seconds);
    }
}
