package io.mpreg.core.transport.internal;

import java.time.Duration;
import java.util.Objects;

/**
 * The per-connection limits and keep-alive timings shared by the server and
 * the client side.
 *
 * @param maxFrameSize the largest aggregated frame accepted, in bytes
 * @param pingInterval how often a ping is sent to the peer
 * @param idleTimeout  how long the connection may stay silent (no frame, not even a pong) before it is closed
 */
public record SessionSettings(int maxFrameSize, Duration pingInterval, Duration idleTimeout) {

    /** 20 MiB, the protocol's default frame limit for client connections. */
    public static final int DEFAULT_MAX_FRAME_SIZE = 20 * 1024 * 1024;

    /** The defaults: 20 MiB frames, a ping every 20 s, closed after 60 s of silence. */
    public static final SessionSettings DEFAULTS =
            new SessionSettings(DEFAULT_MAX_FRAME_SIZE, Duration.ofSeconds(20), Duration.ofSeconds(60));

    public SessionSettings {
        if (maxFrameSize <= 0) {
            throw new IllegalArgumentException("maxFrameSize must be positive but was " + maxFrameSize);
        }
        requirePositive(pingInterval, "pingInterval");
        requirePositive(idleTimeout, "idleTimeout");
    }

    public SessionSettings withMaxFrameSize(int bytes) {
        return new SessionSettings(bytes, pingInterval, idleTimeout);
    }

    public SessionSettings withPingInterval(Duration interval) {
        return new SessionSettings(maxFrameSize, interval, idleTimeout);
    }

    public SessionSettings withIdleTimeout(Duration timeout) {
        return new SessionSettings(maxFrameSize, pingInterval, timeout);
    }

    private static void requirePositive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive but was " + duration);
        }
    }
}
