package io.mpreg.admin.model;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One Micrometer meter of a node, narrowed by tags, as read from
 * {@code /actuator/metrics/<name>?tag=k:v}.
 *
 * @param name the meter's name, such as {@code jvm.memory.used}
 * @param tags tags the measurement is narrowed to (sorted, so equal queries are equal)
 */
public record MeterQuery(String name, Map<String, String> tags) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]+");

    /** Server-side RPC commands (a timer tagged {@code function} and {@code outcome}). */
    public static final MeterQuery RPC_REQUESTS = of("mpreg.rpc.server.requests");

    /** The successful part of {@link #RPC_REQUESTS}. */
    public static final MeterQuery RPC_SUCCESSES = new MeterQuery("mpreg.rpc.server.requests",
            Map.of("outcome", "success"));

    /** The 99th percentile of {@link #RPC_REQUESTS}, present when the node publishes percentiles. */
    public static final MeterQuery RPC_P99 = new MeterQuery("mpreg.rpc.server.requests.percentile",
            Map.of("phi", "0.99"));

    /** Heap and non-heap memory in use, in bytes. */
    public static final MeterQuery JVM_MEMORY_USED = of("jvm.memory.used");

    /** Client connections open on the node. */
    public static final MeterQuery CONNECTIONS = of("mpreg.connections");

    public MeterQuery {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("meter name must be letters, digits, '.', '_' or '-' but was '"
                    + name + "'");
        }
        tags = tags == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(tags));
        tags.forEach((key, value) -> {
            if (key.isBlank() || value.isBlank() || key.contains(":") || key.contains(",")) {
                throw new IllegalArgumentException("meter tag must be a non-blank key without ':' or ',' and a "
                        + "non-blank value but was '" + key + "'='" + value + "'");
            }
        });
    }

    /** A query of the whole meter, all tags aggregated. */
    public static MeterQuery of(String name) {
        return new MeterQuery(name, Map.of());
    }

    /** A stable text form, {@code name} or {@code name{k=v,k2=v2}}, used as a key in JSON. */
    public String key() {
        if (tags.isEmpty()) {
            return name;
        }
        return tags.entrySet().stream().map(tag -> tag.getKey() + "=" + tag.getValue())
                .collect(Collectors.joining(",", name + "{", "}"));
    }
}
