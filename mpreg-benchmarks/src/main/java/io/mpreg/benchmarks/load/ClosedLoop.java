package io.mpreg.benchmarks.load;

import java.time.Duration;

/**
 * A connection that keeps a fixed number of requests outstanding: a new
 * request leaves the moment one completes, successfully or not.
 */
interface ClosedLoop extends AutoCloseable {

    /** Sends the first requests; from then on the loop refills itself. */
    void start();

    /**
     * Stops refilling and waits until every outstanding request has completed.
     *
     * @return whether all completed within the timeout
     */
    boolean stop(Duration timeout) throws InterruptedException;

    /** How many requests were sent since creation. */
    long sent();

    /** How many replies (successes and failures) arrived since creation. */
    long completed();

    /** Closes the connection. */
    @Override
    void close();
}
