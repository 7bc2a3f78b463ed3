package io.mpreg.client;

/**
 * A subscription opened with {@link BlockingMpregClient#subscribe}; closing it
 * unsubscribes at the node. Closing twice does nothing more.
 */
public interface Subscription extends AutoCloseable {

    /** Ends the subscription: no callback runs after this returns, apart from one already running. */
    @Override
    void close();
}
