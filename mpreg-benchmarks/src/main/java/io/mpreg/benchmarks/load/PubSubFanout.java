package io.mpreg.benchmarks.load;

/**
 * One publisher and its subscribers on one system (MPREG or NATS), connected
 * and subscribed: the publisher sends, each subscriber counts what it receives.
 */
interface PubSubFanout extends AutoCloseable {

    /** The topic (subject) every message is published on. */
    String TOPIC = "bench.data";

    /** Publishes one message carrying the given payload; never blocks on the subscribers. */
    void publish(String payload);

    /** How many messages the given subscriber has received so far. */
    long received(int subscriber);

    /** Waits until the given subscriber has received {@code count} messages, or {@code maxWaitNanos} have passed. */
    void awaitReceived(int subscriber, long count, long maxWaitNanos);

    /** How many subscribers there are. */
    int subscribers();

    @Override
    void close();
}
