package io.mpreg.core.transport.internal;

/** An aggregated frame grew past the limit; the connection is closed with status 1009. */
final class FrameTooLargeException extends RuntimeException {

    FrameTooLargeException(long size, int limit) {
        super(describe(size, limit), null, false, false);
    }

    /** Why a message of {@code size} bytes is refused. */
    static String describe(long size, int limit) {
        return "frame of at least " + size + " bytes exceeds the limit of " + limit + " bytes";
    }
}
