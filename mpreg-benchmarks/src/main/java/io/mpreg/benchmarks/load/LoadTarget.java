package io.mpreg.benchmarks.load;

import java.util.Locale;

/** The systems the load generator can drive. */
public enum LoadTarget {
    /** An MPREG node, over its client WebSocket protocol. */
    MPREG,
    /** A NATS server, request-reply to {@link NatsEchoResponder}. */
    NATS,
    /** A {@link TcpEchoServer}: bare loopback TCP, the floor under both. */
    TCP;

    /** The lower-case name used on the command line and in result lines. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    static LoadTarget ofLabel(String label) {
        for (LoadTarget target : values()) {
            if (target.label().equals(label)) {
                return target;
            }
        }
        throw new IllegalArgumentException("--target must be mpreg, nats or tcp, was '" + label + "'");
    }
}
