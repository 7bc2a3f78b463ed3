package io.mpreg.core.transport;

/**
 * Where a {@link ConnectionHandler} attaches the {@linkplain FrameSource
 * sources} of frames it pushes to a connection besides its replies. Frames
 * are pulled only as the connection writes them, so a peer that stops
 * reading holds them back in their source, which decides what to do then.
 */
@FunctionalInterface
public interface ConnectionOutlet {

    /**
     * Has the connection pull frames from {@code source} whenever it has room,
     * until the connection ends.
     *
     * @return the wake-up to run, from any thread, whenever {@code source} has
     *         new frames after a pull returned {@code false}; running it while a
     *         pull is already due costs next to nothing
     */
    Runnable attach(FrameSource source);
}
