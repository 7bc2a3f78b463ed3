package io.mpreg.admin.model;

import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * One function of the cluster's catalog as a node's {@code mpreg.cluster} report describes it.
 *
 * @param name       the function's name
 * @param version    its semantic version
 * @param resources  the resource tags it adds to its nodes' own
 * @param idempotent whether a retry after an unknown outcome is safe
 * @param nodes      the ids of the members offering it
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FunctionReport(String name, String version, List<String> resources, boolean idempotent,
        List<String> nodes) {

    public FunctionReport {
        Objects.requireNonNull(name, "name");
        version = version == null ? "" : version;
        resources = resources == null ? List.of() : List.copyOf(resources);
        nodes = nodes == null ? List.of() : List.copyOf(nodes);
    }
}
