package io.mpreg.core.pubsub;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import io.mpreg.core.transport.ConnectionInfo;
import io.mpreg.core.wire.WireCodec;
import io.mpreg.core.wire.WireMessage;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.IntNode;

/** An exchange on a still clock with predictable notification ids, and helpers to talk to it in frames. */
final class ExchangeFixture {

    final JsonMapper mapper = JsonMapper.builder().build();
    final WireCodec codec = PubSubWire.register(WireCodec.rpc(mapper));
    final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T10:00:00Z"));
    final PubSubExchange exchange;
    private final AtomicLong ids = new AtomicLong();

    ExchangeFixture(PubSubConfig config) {
        this.exchange = PubSubExchange.create(config, clock, mapper, () -> "n-" + ids.incrementAndGet());
    }

    static ConnectionInfo connection(String id) {
        return new ConnectionInfo(id, "127.0.0.1:5" + id.length());
    }

    /** Sends one frame as a client would and returns the encoded ack. */
    String send(ConnectionInfo connection, String frame) {
        WireMessage reply = exchange.handle(codec.decode(frame), connection).single().block();
        return codec.encode(reply);
    }

    String encode(WireMessage message) {
        return codec.encode(message);
    }

    /** Publishes {@code n} on a topic from a publisher, with the number as payload. */
    void publish(String topic, String publisher, int n) {
        exchange.publish(PubSubMessage.of(topic, IntNode.valueOf(n), publisher + "-" + n, publisher, 1.0));
    }

    static int number(WireMessage notification) {
        return ((PubSubNotification) notification).message().payload().intValue();
    }
}
