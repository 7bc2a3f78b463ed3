package io.mpreg.spring.autoconfigure;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counters of the WebFlux-served endpoint: the connections open now and the
 * connections closed because a frame exceeded the size limit.
 */
public final class WebSocketEndpointStats {

    private final AtomicInteger openConnections = new AtomicInteger();
    private final AtomicLong oversizeCloses = new AtomicLong();

    /** Connections open right now. */
    public int openConnections() {
        return openConnections.get();
    }

    /** Connections closed with status 1009 because a frame was over the limit. */
    public long oversizeCloses() {
        return oversizeCloses.get();
    }

    void connectionOpened() {
        openConnections.incrementAndGet();
    }

    void connectionClosed() {
        openConnections.decrementAndGet();
    }

    void oversizeClose() {
        oversizeCloses.incrementAndGet();
    }
}
