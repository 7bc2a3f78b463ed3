package io.mpreg.core.error;

import java.util.Optional;

/**
 * The error kinds of the client protocol, each with its fixed numeric code.
 *
 * <p>Codes are part of the wire format and are append-only: never renumber or
 * reuse one (a test pins them).
 */
public enum ErrorKind {
    /** The frame's {@code role} is not one this node serves. */
    UNKNOWN_ROLE(1000),
    /** No live node offers the function with all requested resources. */
    FUNCTION_NOT_FOUND(1001),
    /** A fault inside the node: a bug, logged with its stack trace there. */
    INTERNAL(1002),
    /** The function threw. */
    FUNCTION_FAILED(1003),
    /** The request's time ran out. */
    TIMEOUT(1004),
    /** The frame is not JSON, or a required field is missing or mistyped. */
    MALFORMED(1005),
    /** Two commands of one request share a name. */
    DUPLICATE_NAME(1006),
    /** The references between commands form a cycle. */
    CYCLE(1007),
    /** A dotted reference names a field the result lacks. */
    FIELD_NOT_FOUND(1008),
    /** The arguments cannot be bound to the function's parameters. */
    BAD_ARGUMENTS(1009),
    /** The node running a command left or failed before answering. */
    NODE_LOST(1010),
    /** The node sheds load; the caller may retry later. */
    OVERLOADED(1011),
    /** Authentication is on and the connection has not authenticated. */
    UNAUTHORIZED(1012),
    /** The caller may not use this function, topic or queue. */
    FORBIDDEN(1013);

    private final int code;

    ErrorKind(int code) {
        this.code = code;
    }

    /** The numeric code carried on the wire. */
    public int code() {
        return code;
    }

    /** The kind with the given wire code, if there is one. */
    public static Optional<ErrorKind> ofCode(int code) {
        for (ErrorKind kind : values()) {
            if (kind.code == code) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
