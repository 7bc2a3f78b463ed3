package io.mpreg.core.rpc;

import java.util.Locale;
import java.util.Objects;

import io.mpreg.core.error.ErrorKind;
import io.mpreg.core.error.MpregException;
import io.mpreg.core.wire.CommandSpec;
import org.jspecify.annotations.Nullable;

/**
 * Hears of every command a {@link CommandRunner} runs, to time and count them
 * (metrics, traces) without the runner knowing how.
 *
 * <p>{@link #started} is called when a command starts; the returned
 * {@link Observation} hears how it ended. Observers must be quick and must not
 * throw: they run on the request's path.
 */
@FunctionalInterface
public interface CommandObserver {

    /** An observer that does nothing. */
    CommandObserver NONE = (command, context) -> outcome -> { };

    /** A command is starting; the result hears how it ends. */
    Observation started(CommandSpec command, RequestContext context);

    /** Wraps a runner so that every command it runs is reported to this observer. */
    default CommandRunner observe(CommandRunner runner) {
        Objects.requireNonNull(runner, "runner");
        if (this == NONE) {
            return runner;
        }
        return (command, context) -> {
            Observation observation = started(command, context);
            return runner.run(command, context)
                    .doOnSuccess(result -> observation.finished(Outcome.SUCCESS))
                    .doOnError(failure -> observation.finished(Outcome.of(failure)))
                    .doOnCancel(() -> observation.finished(Outcome.CANCELLED));
        };
    }

    /** The observation of one running command. */
    @FunctionalInterface
    interface Observation {

        /** The command ended this way; called exactly once. */
        void finished(Outcome outcome);
    }

    /**
     * How a command ended: successfully, cancelled (its request failed or timed
     * out elsewhere), or with an error of a protocol kind.
     *
     * @param error the error's kind, or {@code null} when there was no error
     * @param cancelled whether the command was cancelled before it ended
     */
    record Outcome(@Nullable ErrorKind error, boolean cancelled) {

        /** The command produced its result. */
        public static final Outcome SUCCESS = new Outcome(null, false);

        /** The command was cancelled before it ended. */
        public static final Outcome CANCELLED = new Outcome(null, true);

        /** The outcome of a command that failed with {@code failure}. */
        public static Outcome of(Throwable failure) {
            return new Outcome(failure instanceof MpregException mpreg ? mpreg.kind() : ErrorKind.INTERNAL, false);
        }

        /** A short, bounded label: {@code success}, {@code cancelled} or the error kind in lower case. */
        public String label() {
            if (cancelled) {
                return "cancelled";
            }
            return error == null ? "success" : error.name().toLowerCase(Locale.ROOT);
        }
    }
}
