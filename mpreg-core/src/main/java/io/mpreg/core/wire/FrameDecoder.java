package io.mpreg.core.wire;

import tools.jackson.databind.node.ObjectNode;

/**
 * Turns the JSON object of one frame into the message of one {@code role}.
 *
 * <p>Implementations validate every field they read and reject bad input by
 * throwing {@link FrameRejectedException}; they never return {@code null}.
 */
@FunctionalInterface
public interface FrameDecoder {

    /** Decodes a frame whose {@code role} selected this decoder. */
    WireMessage decode(ObjectNode frame, Fields fields);
}
