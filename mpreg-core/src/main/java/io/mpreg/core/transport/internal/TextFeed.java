package io.mpreg.core.transport.internal;

import org.reactivestreams.Subscription;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Sinks;

/**
 * Feeds the texts a connection's handler emits into its
 * {@link TextFrameWriter}, never more than {@value #WINDOW} ahead of what the
 * writer has written: more are requested only as frames leave, so a peer
 * that reads slowly holds back the texts' source instead of filling the
 * writer's queue. (Frames the writer pulls from sources, such as the node's
 * replies and notifications, wait in their source instead.)
 *
 * <p>{@link #done()} completes once the texts have completed and every one
 * of them, and every frame pulled meanwhile, has been written and flushed, or
 * once the writer refuses texts (the connection is closing).
 */
final class TextFeed extends BaseSubscriber<CharSequence> {

    /** Texts handed to the writer and not yet written, at most. */
    static final int WINDOW = 1024;

    private final TextFrameWriter writer;
    private final Sinks.Empty<Void> done = Sinks.empty();

    TextFeed(TextFrameWriter writer) {
        this.writer = writer;
        writer.onWritten(this::request);
    }

    Sinks.Empty<Void> done() {
        return done;
    }

    @Override
    protected void hookOnSubscribe(Subscription subscription) {
        subscription.request(WINDOW);
    }

    @Override
    protected void hookOnNext(CharSequence text) {
        if (!writer.send(text)) {
            cancel();
            done.tryEmitEmpty();
        }
    }

    @Override
    protected void hookOnComplete() {
        writer.whenDrained(done::tryEmitEmpty);
    }

    @Override
    protected void hookOnError(Throwable error) {
        done.tryEmitError(error);
    }
}
