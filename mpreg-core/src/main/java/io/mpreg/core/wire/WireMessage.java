package io.mpreg.core.wire;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;

/**
 * One JSON object carried in one WebSocket text frame.
 *
 * <p>Every message names its {@link #role()} and carries the request or
 * correlation id {@link #u()}. Messages write themselves with Jackson's
 * streaming generator, so encoding builds no intermediate tree.
 */
public interface WireMessage {

    /** The {@code role} field that selects how the frame is handled. */
    String role();

    /** The request or correlation id, or {@code null} when it could not be read. */
    @Nullable String u();

    /** Writes the fields of this message, {@code role} and {@code u} included, as one JSON object. */
    void writeTo(JsonGenerator generator);

    /**
     * Opens the JSON object of a frame and writes its envelope ({@code role} and
     * {@code u}); the caller writes the rest and closes the object.
     */
    static void startFrame(JsonGenerator generator, String role, @Nullable String u) {
        generator.writeStartObject();
        generator.writeStringProperty("role", role);
        generator.writeStringProperty("u", u);
    }

    /**
     * The whole frame, when this message can assemble it from parts encoded
     * earlier and shared (a published message sent to many subscribers is
     * encoded once), possibly as {@link io.mpreg.core.transport.Utf8Text};
     * {@code null} to be written with {@link #writeTo}. Must equal what
     * {@link #writeTo} writes.
     */
    default @Nullable CharSequence encodedText() {
        return null;
    }
}
