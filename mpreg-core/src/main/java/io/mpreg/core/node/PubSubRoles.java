package io.mpreg.core.node;

import io.mpreg.core.pubsub.PubSubExchange;
import io.mpreg.core.pubsub.PubSubPublish;
import io.mpreg.core.pubsub.PubSubSubscribe;
import io.mpreg.core.pubsub.PubSubUnsubscribe;
import io.mpreg.core.pubsub.PubSubWire;
import io.mpreg.core.transport.ConnectionInfo;
import io.mpreg.core.transport.ConnectionOutlet;
import io.mpreg.core.wire.FrameRejectedException;
import io.mpreg.core.wire.WireMessage;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Serves the pub/sub roles of a connection with the node's exchange: every
 * subscribe, unsubscribe and publish is answered with a {@code pubsub-ack}
 * (a failed one for a frame the codec rejects), the connection's writer
 * pulls its notifications from its outbox, and its subscriptions end when
 * it closes.
 *
 * <p>Served where each frame is read: the exchange's work is bounded,
 * in-memory and runs no user code (in-process subscribers get messages on
 * the publishing thread and must move their work off it, as the starter
 * does), and a read batch of publishes then queues its acks and
 * notifications with no hand-off to another thread.
 */
final class PubSubRoles implements RoleHandler, ConnectionLifecycle {

    private final PubSubExchange exchange;

    private PubSubRoles(PubSubExchange exchange) {
        this.exchange = exchange;
    }

    /** The dispatcher also serving pub/sub with the exchange; its codec must decode the pub/sub roles. */
    static FrameDispatcher serve(FrameDispatcher dispatcher, PubSubExchange exchange) {
        PubSubRoles roles = new PubSubRoles(exchange);
        return dispatcher.withHandler(PubSubSubscribe.ROLE, roles)
                .withHandler(PubSubUnsubscribe.ROLE, roles)
                .withHandler(PubSubPublish.ROLE, roles)
                .withLifecycle(roles);
    }

    @Override
    public Flux<WireMessage> handle(WireMessage message, ConnectionInfo connection) {
        return exchange.handle(message, connection);
    }

    @Override
    public boolean servesWhereRead() {
        return true;
    }

    @Override
    public WireMessage rejected(FrameRejectedException rejection) {
        return PubSubWire.rejectionAck(rejection);
    }

    @Override
    public Mono<Void> opened(ConnectionInfo connection, ConnectionOutlet outlet) {
        return exchange.pushTo(connection, outlet);
    }

    @Override
    public void closed(ConnectionInfo connection) {
        exchange.connectionClosed(connection.id());
    }
}
