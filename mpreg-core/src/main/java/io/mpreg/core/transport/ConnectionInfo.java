package io.mpreg.core.transport;

import java.util.Objects;

/**
 * What is known about one accepted connection.
 *
 * @param id            a unique id for this connection (for logs and subscriptions)
 * @param remoteAddress the peer's address as text, for logs only
 */
public record ConnectionInfo(String id, String remoteAddress) {

    public ConnectionInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(remoteAddress, "remoteAddress");
    }
}
