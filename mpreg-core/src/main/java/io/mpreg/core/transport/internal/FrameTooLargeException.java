package io.mpreg.core.transport.internal;

/** An aggregated frame grew past the limit; the connection is closed with status 1009. */
final class FrameTooLargeException extends RuntimeException {

    FrameTooLargeException(long size, int limit) {
        super("frame of at least " + size + " bytes exceeds the limit of " + limit + " bytes", null, false, false);
    }
}
