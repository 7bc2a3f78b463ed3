package io.mpreg.core.pubsub;

/**
 * Carries messages published on this node to the other nodes of its cluster
 * whose subscriptions want them (see docs/pubsub.md, "Across the cluster").
 */
public interface PeerForwarder {

    /** A node outside any cluster: nothing leaves it. */
    PeerForwarder NONE = new PeerForwarder() {
        @Override
        public int forward(PubSubMessage message) {
            return 0;
        }

        @Override
        public void interestChanged() {
        }
    };

    /**
     * Sends a message published on this node to every peer with a matching
     * subscription, in the order messages are given; must not block.
     *
     * @return how many peers it was sent to
     */
    int forward(PubSubMessage message);

    /** The local subscriptions changed, so {@link PubSubExchange#interest()} may have; must not block. */
    void interestChanged();
}
