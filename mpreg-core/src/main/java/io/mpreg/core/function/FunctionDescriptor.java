package io.mpreg.core.function;

import java.util.Arrays;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a node says about one function it offers: its name, semantic version,
 * the resource tags it brings in addition to the node's own, a description
 * and whether calling it twice with the same arguments is harmless.
 *
 * @param name        the name commands call it by; not blank
 * @param version     a semantic version such as {@code 1.0.0} or {@code 2.1.0-rc.1}
 * @param resources   resource tags this function adds to those of its node
 * @param description free text for catalogs and tools; may be empty
 * @param idempotent  whether a retry after an unknown outcome is safe
 */
public record FunctionDescriptor(String name, String version, Set<String> resources, String description,
        boolean idempotent) {

    /** The version given to a function that does not declare one. */
    public static final String DEFAULT_VERSION = "1.0.0";

    private static final Pattern SEMANTIC_VERSION = Pattern.compile(
            "(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(-[0-9A-Za-z.-]+)?(\\+[0-9A-Za-z.-]+)?");

    public FunctionDescriptor {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(resources, "resources");
        Objects.requireNonNull(description, "description");
        if (name.isBlank()) {
            throw new IllegalArgumentException("function name must not be blank");
        }
        if (!SEMANTIC_VERSION.matcher(version).matches()) {
            throw new IllegalArgumentException(
                    "version of function '" + name + "' must look like 1.2.3 but was '" + version + "'");
        }
        for (String resource : resources) {
            if (resource == null || resource.isBlank()) {
                throw new IllegalArgumentException("resources of function '" + name + "' must not be blank");
            }
        }
        resources = Set.copyOf(resources);
    }

    /** A descriptor with the default version, no resources, no description, not idempotent. */
    public static FunctionDescriptor of(String name) {
        return new FunctionDescriptor(name, DEFAULT_VERSION, Set.of(), "", false);
    }

    /** This descriptor with another version. */
    public FunctionDescriptor withVersion(String newVersion) {
        return new FunctionDescriptor(name, newVersion, resources, description, idempotent);
    }

    /** This descriptor with other resource tags. */
    public FunctionDescriptor withResources(Set<String> newResources) {
        return new FunctionDescriptor(name, version, newResources, description, idempotent);
    }

    /** This descriptor with other resource tags. */
    public FunctionDescriptor withResources(String... newResources) {
        return withResources(Set.copyOf(Arrays.asList(newResources)));
    }

    /** This descriptor with another description. */
    public FunctionDescriptor withDescription(String newDescription) {
        return new FunctionDescriptor(name, version, resources, newDescription, idempotent);
    }

    /** This descriptor marked idempotent or not. */
    public FunctionDescriptor withIdempotent(boolean newIdempotent) {
        return new FunctionDescriptor(name, version, resources, description, newIdempotent);
    }
}
