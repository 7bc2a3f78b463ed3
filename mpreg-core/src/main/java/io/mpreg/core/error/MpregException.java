package io.mpreg.core.error;

import java.util.Objects;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The one exception type of MPREG: a failure with a protocol {@link ErrorKind},
 * a human-readable message and optional structured details.
 *
 * <p>Thrown by the node's stages and raised by {@code MpregClient} when a node
 * answers with an error. Expected rejections (bad input, timeouts, missing
 * functions) carry no stack trace, so they stay cheap on hot paths; only
 * {@link ErrorKind#INTERNAL} faults record one.
 */
public class MpregException extends RuntimeException {

    private final ErrorKind kind;
    private final @Nullable JsonNode details;

    protected MpregException(ErrorKind kind, String message, @Nullable JsonNode details, @Nullable Throwable cause) {
        super(Objects.requireNonNull(message, "message"), cause, false, kind == ErrorKind.INTERNAL);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.details = details;
    }

    /** A failure of the given kind, without details. */
    public static MpregException of(ErrorKind kind, String message) {
        return new MpregException(kind, message, null, null);
    }

    /** A failure of the given kind, with structured details for the caller. */
    public static MpregException of(ErrorKind kind, String message, @Nullable JsonNode details) {
        return new MpregException(kind, message, details, null);
    }

    /** A failure of the given kind caused by another throwable. */
    public static MpregException of(ErrorKind kind, String message, @Nullable JsonNode details, Throwable cause) {
        return new MpregException(kind, message, details, cause);
    }

    /** A fault inside the node (a bug): recorded with its stack trace. */
    public static MpregException internal(String message, Throwable cause) {
        return new MpregException(ErrorKind.INTERNAL, message, null, cause);
    }

    /** The protocol kind of this failure. */
    public ErrorKind kind() {
        return kind;
    }

    /** The numeric wire code of this failure. */
    public int code() {
        return kind.code();
    }

    /** Structured details about the failure, or {@code null}. */
    public @Nullable JsonNode details() {
        return details;
    }
}
