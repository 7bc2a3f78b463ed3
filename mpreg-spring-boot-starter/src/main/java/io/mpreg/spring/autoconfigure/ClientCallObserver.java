package io.mpreg.spring.autoconfigure;

import io.mpreg.core.rpc.CommandObserver;

/** Hears of every call made through the {@code MpregClient} bean, to time and count it. */
@FunctionalInterface
interface ClientCallObserver {

    /** An observer that does nothing. */
    ClientCallObserver NONE = function -> outcome -> { };

    /** A call of {@code function} is starting; the result hears how it ends. */
    CommandObserver.Observation started(String function);
}
