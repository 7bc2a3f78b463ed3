package io.mpreg.admin.model;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A node's Actuator health as last read.
 *
 * @param status     the overall status ({@code UP}, {@code DOWN}, ...), or {@code UNKNOWN} when it was not read
 * @param components each health component's status by name (as much as the node shows)
 * @param error      why it could not be read, if it could not
 */
public record NodeHealth(String status, Map<String, String> components, @Nullable String error) {

    /** The health of a node that advertises no management URL. */
    public static final NodeHealth UNKNOWN = new NodeHealth("UNKNOWN", Map.of(), null);

    public NodeHealth {
        components = Map.copyOf(components);
    }

    /** The health of a node whose Actuator could not be read. */
    public static NodeHealth unreachable(String error) {
        return new NodeHealth("UNKNOWN", Map.of(), error);
    }

    /** Whether the node said it is up. */
    public boolean isUp() {
        return "UP".equals(status);
    }
}
