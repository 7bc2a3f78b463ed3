package io.mpreg.core.pubsub;

import java.util.Objects;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A message's payload as a tree, as JSON text, or both: each form is made
 * from the other only when first asked for, then kept. A payload read from
 * a frame and delivered unchanged stays text and is never parsed.
 *
 * <p>Safe to share between threads: each form is published through a
 * volatile field, and making it twice in a race yields equal values.
 */
final class JsonPayload {

    private final @Nullable JsonMapper reader;
    private volatile @Nullable JsonNode node;
    private volatile @Nullable String text;

    private JsonPayload(@Nullable JsonNode node, @Nullable String text, @Nullable JsonMapper reader) {
        this.node = node;
        this.text = text;
        this.reader = reader;
    }

    static JsonPayload of(JsonNode node) {
        return new JsonPayload(Objects.requireNonNull(node, "payload"), null, null);
    }

    /** A payload received as {@code json}, which must be one valid JSON value, parsed by {@code reader} if needed. */
    static JsonPayload ofText(String json, JsonMapper reader) {
        return new JsonPayload(null, Objects.requireNonNull(json, "json"), Objects.requireNonNull(reader, "reader"));
    }

    JsonNode node() {
        JsonNode current = node;
        if (current == null) {
            current = Objects.requireNonNull(reader).readTree(Objects.requireNonNull(text));
            node = current;
        }
        return current;
    }

    String text(JsonMapper writer) {
        String current = text;
        if (current == null) {
            current = writer.writeValueAsString(Objects.requireNonNull(node));
            text = current;
        }
        return current;
    }

    void writeTo(JsonGenerator generator) {
        String current = text;
        if (current != null) {
            generator.writeRawValue(current);
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
