package io.mpreg.core.wire;

import io.mpreg.core.error.ErrorKind;
import io.mpreg.core.error.MpregException;
import org.jspecify.annotations.Nullable;

/**
 * A frame that cannot be served: not JSON, missing or mistyped fields, or an
 * unknown role. Carries the frame's {@code u} when it could be read, so the
 * error reply can be correlated.
 */
public final class FrameRejectedException extends MpregException {

    private final @Nullable String u;
    private final @Nullable String role;

    FrameRejectedException(ErrorKind kind, String message, @Nullable String u, @Nullable String role) {
        super(kind, message, null, null);
        this.u = u;
        this.role = role;
    }

    static FrameRejectedException malformed(String message, @Nullable String u, @Nullable String role) {
        return new FrameRejectedException(ErrorKind.MALFORMED, message, u, role);
    }

    static FrameRejectedException unknownRole(String role, @Nullable String u) {
        return new FrameRejectedException(ErrorKind.UNKNOWN_ROLE, "unknown role '" + role + "'", u, role);
    }

    /** The rejected frame's {@code u}, or {@code null} if it could not be read. */
    public @Nullable String u() {
        return u;
    }

    /** The rejected frame's {@code role}, or {@code null} if it could not be read. */
    public @Nullable String role() {
        return role;
    }
}
