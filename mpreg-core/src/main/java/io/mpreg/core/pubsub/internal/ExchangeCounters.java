package io.mpreg.core.pubsub.internal;

import java.util.concurrent.atomic.LongAdder;

/** The exchange's running totals, updated from many threads without contention. */
public final class ExchangeCounters {

    public final LongAdder delivered = new LongAdder();
    public final LongAdder forwarded = new LongAdder();
    public final LongAdder dropped = new LongAdder();
    public final LongAdder disconnects = new LongAdder();
}
