package io.mpreg.core.rpc;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

import io.mpreg.core.error.ErrorKind;
import io.mpreg.core.error.MpregException;
import io.mpreg.core.wire.ErrorBody;
import io.mpreg.core.wire.RpcRequest;
import io.mpreg.core.wire.RpcResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Serves one RPC request from start to reply: plans it, executes it within
 * its time bound and turns every outcome into an {@link RpcResponse}. The
 * returned {@code Mono} never fails.
 *
 * <p>The time bound is the request's {@code timeout}, or the default when it
 * has none, and never more than the maximum. When it runs out the reply is
 * {@code TIMEOUT} and the commands still running are cancelled. The timer runs
 * on Reactor's parallel scheduler (virtual time in tests); the clock only
 * stamps the deadline that travels with the commands.
 */
public final class RpcService {

    private static final Logger log = LoggerFactory.getLogger(RpcService.class);

    private final RequestExecutor executor;
    private final Clock clock;
    private final Duration defaultTimeout;
    private final Duration maxTimeout;

    /**
     * A service running commands through {@code runner}.
     *
     * @param defaultTimeout the bound for requests that give none
     * @param maxTimeout     the bound no request may exceed
     */
    public RpcService(CommandRunner runner, Clock clock, Duration defaultTimeout, Duration maxTimeout) {
        this.executor = new RequestExecutor(runner);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.defaultTimeout = positive(defaultTimeout, "defaultTimeout");
        this.maxTimeout = positive(maxTimeout, "maxTimeout");
        if (defaultTimeout.compareTo(maxTimeout) > 0) {
            throw new IllegalArgumentException(
                    "defaultTimeout " + defaultTimeout + " must not exceed maxTimeout " + maxTimeout);
        }
    }

    /** Serves a request; the reply carries the results or the error. */
    public Mono<RpcResponse> handle(RpcRequest request) {
        Objects.requireNonNull(request, "request");
        return Mono.defer(() -> {
            Duration timeout = timeoutOf(request);
            RequestContext context = new RequestContext(request.u(), clock.instant().plus(timeout));
            RequestPlan plan = Planner.plan(request.cmds());
            return executor.execute(plan, context)
                    .timeout(timeout, Mono.error(() -> timedOut(timeout)))
                    .map(results -> RpcResponse.success(request.u(), results));
        }).onErrorResume(failure -> Mono.just(RpcResponse.failure(request.u(), errorBody(request.u(), failure))));
    }

    /** The time bound of a request. */
    Duration timeoutOf(RpcRequest request) {
        Double seconds = request.timeoutSeconds();
        if (seconds == null) {
            return defaultTimeout;
        }
        double maxSeconds = maxTimeout.toNanos() / 1e9;
        if (seconds >= maxSeconds) {
            return maxTimeout;
        }
        return Duration.ofNanos(Math.max(1L, (long) (seconds * 1e9)));
    }

    private static MpregException timedOut(Duration timeout) {
        double seconds = timeout.toNanos() / 1e9;
        ObjectNode details = JsonNodeFactory.instance.objectNode();
        details.put("timeout", seconds);
        return MpregException.of(ErrorKind.TIMEOUT, "the request did not finish within " + seconds + " s", details);
    }

    private static ErrorBody errorBody(@Nullable String u, Throwable failure) {
        if (failure instanceof MpregException mpreg) {
            if (mpreg.kind() == ErrorKind.INTERNAL) {
                log.error("request {} failed with an internal fault", u, mpreg);
            }
            return ErrorBody.of(mpreg);
        }
        log.error("request {} failed with an internal fault", u, failure);
        return ErrorBody.of(MpregException.internal("internal fault while serving the request: " + failure, failure));
    }

    private static Duration positive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive but was " + duration);
        }
        return duration;
    }
}
