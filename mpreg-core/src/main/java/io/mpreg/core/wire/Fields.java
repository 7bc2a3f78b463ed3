package io.mpreg.core.wire;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Typed, validating reads of frame fields. Every failure names the field and
 * what was expected, and carries the frame's {@code u} and {@code role}.
 */
public final class Fields {

    private final @Nullable String u;
    private final String role;
    private final int frameBytes;

    Fields(@Nullable String u, String role, int frameBytes) {
        this.u = u;
        this.role = role;
        this.frameBytes = frameBytes;
    }

    /** The size in UTF-8 bytes of the frame being read. */
    public int frameBytes() {
        return frameBytes;
    }

    /** The frame's {@code u}, or {@code null} if absent. */
    public @Nullable String u() {
        return u;
    }

    /** The frame's {@code u}; rejects the frame if it is absent. */
    public String requireU() {
        if (u == null) {
            throw reject("field 'u' is required");
        }
        return u;
    }

    /** A required string field. */
    public String requireString(ObjectNode object, String field) {
        JsonNode value = object.get(field);
        if (value == null || !value.isString()) {
            throw reject("field '" + field + "' must be a string");
        }
        return value.stringValue();
    }

    /** An optional string field: {@code null} when absent or JSON null. */
    public @Nullable String optionalString(ObjectNode object, String field) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw reject("field '" + field + "' must be a string");
        }
        return value.stringValue();
    }

    /** A required object field. */
    public ObjectNode requireObject(ObjectNode object, String field) {
        JsonNode value = object.get(field);
        if (value == null || !value.isObject()) {
            throw reject("field '" + field + "' must be an object");
        }
        return (ObjectNode) value;
    }

    /** An optional object field: {@code null} when absent or JSON null. */
    public @Nullable ObjectNode optionalObject(ObjectNode object, String field) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isObject()) {
            throw reject("field '" + field + "' must be an object");
        }
        return (ObjectNode) value;
    }

    /** A required array field, as an immutable list of its elements. */
    public List<JsonNode> requireArray(ObjectNode object, String field) {
        JsonNode value = object.get(field);
        if (value == null || !value.isArray()) {
            throw reject("field '" + field + "' must be an array");
        }
        return elements(value);
    }

    /** An optional array field: empty when absent or JSON null. */
    public List<JsonNode> optionalArray(ObjectNode object, String field) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            throw reject("field '" + field + "' must be an array");
        }
        return elements(value);
    }

    /** An optional array of strings: empty when absent or JSON null. */
    public List<String> optionalStringArray(ObjectNode object, String field) {
        List<JsonNode> values = optionalArray(object, field);
        List<String> strings = new ArrayList<>(values.size());
        for (JsonNode value : values) {
            if (!value.isString()) {
                throw reject("field '" + field + "' must be an array of strings");
            }
            strings.add(value.stringValue());
        }
        return Collections.unmodifiableList(strings);
    }

    /** An optional object field as an ordered, immutable map: empty when absent or JSON null. */
    public Map<String, JsonNode> optionalMap(ObjectNode object, String field) {
        ObjectNode value = optionalObject(object, field);
        if (value == null || value.isEmpty()) {
            return Map.of();
        }
        Map<String, JsonNode> map = new LinkedHashMap<>(value.size() * 2);
        for (Map.Entry<String, JsonNode> entry : value.properties()) {
            map.put(entry.getKey(), entry.getValue());
        }
        return Collections.unmodifiableMap(map);
    }

    /** An optional number field: {@code null} when absent or JSON null. */
    public @Nullable Double optionalNumber(ObjectNode object, String field) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isNumber()) {
            throw reject("field '" + field + "' must be a number");
        }
        return value.doubleValue();
    }

    /** A rejection of this frame as malformed, with the given reason. */
    public FrameRejectedException reject(String message) {
        return FrameRejectedException.malformed(message, u, role);
    }

    private static List<JsonNode> elements(JsonNode array) {
        List<JsonNode> list = new ArrayList<>(array.size());
        for (JsonNode element : array) {
            list.add(element);
        }
        return Collections.unmodifiableList(list);
    }
}
