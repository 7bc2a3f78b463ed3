package io.mpreg.core.rpc;

import java.time.Instant;
import java.util.Objects;

/**
 * What travels with every command of one request.
 *
 * @param requestId the request's {@code u}
 * @param deadline  when the whole request runs out of time
 */
public record RequestContext(String requestId, Instant deadline) {

    public RequestContext {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(deadline, "deadline");
    }
}
