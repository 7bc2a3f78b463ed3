package io.mpreg.core.cluster;

import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.Collections;

/**
 * One function a member offers, as the catalog carries it.
 *
 * @param name        the registered function name
 * @param version     its semantic version
 * @param resources   resource tags of this function (added to the member's own resources when routing)
 * @param description a human-readable description, possibly empty
 * @param idempotent  whether a call may safely run again after an unknown outcome (retried on another node)
 */
public record FunctionEntry(String name, String version, SortedSet<String> resources, String description,
        boolean idempotent) {

    public FunctionEntry {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(description, "description");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("function name must not be empty");
        }
        resources = Collections.unmodifiableSortedSet(new TreeSet<>(resources));
    }

    /** A function that is not idempotent. */
    public FunctionEntry(String name, String version, SortedSet<String> resources, String description) {
        this(name, version, resources, description, false);
    }

    /** A function with the given name and version, no resources of its own and no description. */
    public static FunctionEntry of(String name, String version) {
        return new FunctionEntry(name, version, new TreeSet<>(), "");
    }

    /** A function with resource tags of its own. */
    public static FunctionEntry of(String name, String version, Set<String> resources, String description) {
        return new FunctionEntry(name, version, new TreeSet<>(resources), description);
    }

    /** The same function marked idempotent or not. */
    public FunctionEntry withIdempotent(boolean value) {
        return new FunctionEntry(name, version, resources, description, value);
    }
}
