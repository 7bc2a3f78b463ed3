package io.mpreg.core.transport;

import reactor.core.publisher.Flux;

/** A test handler that answers every message with the same text. */
final class EchoHandler implements ConnectionHandler {

    @Override
    public Flux<String> handle(ConnectionInfo connection, Flux<String> inbound) {
        return inbound;
    }
}
