package io.mpreg.core.wire;

import org.jspecify.annotations.Nullable;

/**
 * Decodes the frames of one hot {@code role} straight from the token stream,
 * without building the frame's tree, when the frame is in the common shape.
 *
 * <p>It is an optimisation of the role's {@link FrameDecoder}, never a second
 * definition of it: for a frame it accepts, it returns a message equal to the
 * one the tree decoder returns, and it gives up (returns {@code null} or
 * throws) on anything else, so that the tree decoder answers those frames,
 * errors included.
 */
@FunctionalInterface
public interface StreamingFrameDecoder {

    /**
     * Decodes the rest of a frame whose first field was its {@code role}.
     *
     * @param frame the frame, just past the value of {@code role}; a message is
     *              returned with the reader past the frame's closing brace
     * @return the message, or {@code null} to leave the frame to the tree decoder
     */
    @Nullable WireMessage decode(FrameReader frame);
}
