package io.mpreg.core.pubsub;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A message's payload as a tree, as JSON in UTF-8, or both: each form is made
 * from the other only when first asked for, then kept. A payload read from
 * a frame and delivered unchanged stays the bytes it was sent as: it is never
 * parsed, nor decoded into a string.
 *
 * <p>Safe to share between threads: each form is published through a
 * volatile field, and making it twice in a race yields equal values.
 */
final class JsonPayload {

    private final @Nullable JsonMapper reader;
    private volatile @Nullable JsonNode node;
    private volatile byte @Nullable [] utf8;

    private JsonPayload(@Nullable JsonNode node, byte @Nullable [] utf8, @Nullable JsonMapper reader) {
        this.node = node;
        this.utf8 = utf8;
        this.reader = reader;
    }

    static JsonPayload of(JsonNode node) {
        return new JsonPayload(Objects.requireNonNull(node, "payload"), null, null);
    }

    /**
     * A payload received as {@code json}, the UTF-8 bytes of one valid JSON
     * value (shared, not copied: they must not change), parsed by {@code reader} if needed.
     */
    static JsonPayload ofUtf8(byte[] json, JsonMapper reader) {
        return new JsonPayload(null, Objects.requireNonNull(json, "json"), Objects.requireNonNull(reader, "reader"));
    }

    JsonNode node() {
        JsonNode current = node;
        if (current == null) {
            current = Objects.requireNonNull(reader).readTree(Objects.requireNonNull(utf8));
            node = current;
        }
        return current;
    }

    /** The payload's JSON in UTF-8; shared: do not change it. */
    byte[] utf8(JsonMapper writer) {
        byte[] current = utf8;
        if (current == null) {
            current = writer.writeValueAsBytes(Objects.requireNonNull(node));
            utf8 = current;
        }
        return current;
    }

    void writeTo(JsonGenerator generator) {
        byte[] current = utf8;
        if (current != null) {
            generator.writeRawValue(new String(current, StandardCharsets.UTF_8));
        } else {
            generator.writePOJO(node());
        }
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof JsonPayload that && node().equals(that.node());
    }

    @Override
    public int hashCode() {
        return node().hashCode();
    }

    @Override
    public String toString() {
        return node().toString();
    }
}
