package io.mpreg.core.transport;

import java.util.function.Consumer;

/**
 * Frames a connection's writer takes from their source itself, as the socket
 * has room for them, instead of having them handed over one by one through a
 * {@code Flux}: a source that already queues its frames (such as the
 * notifications waiting for a subscriber) then costs no per-frame hop.
 * Attached to a connection through its {@link ConnectionOutlet}.
 */
@FunctionalInterface
public interface FrameSource {

    /**
     * Hands at most {@code max} frames to {@code sink}, in order. Never called
     * concurrently with itself; the core's server calls it on the connection's
     * event loop, so it must not block.
     *
     * @return {@code true} if it stopped at {@code max} and may have more at
     *         once; {@code false} if it has nothing more until it wakes the
     *         outlet again
     */
    boolean pull(Consumer<? super CharSequence> sink, int max);
}
