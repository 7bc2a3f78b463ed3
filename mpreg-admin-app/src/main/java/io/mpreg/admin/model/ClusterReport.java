package io.mpreg.admin.model;

import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * What the built-in function {@code mpreg.cluster} answers on any node: the
 * node itself, every member it knows of and the cluster's function catalog.
 *
 * @param self      the answering node, described like a member
 * @param members   every member the node knows of (itself included)
 * @param functions the catalog: each function with the members offering it
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ClusterReport(MemberReport self, List<MemberReport> members, List<FunctionReport> functions) {

    /** The name of the built-in function that answers with this report. */
    public static final String FUNCTION = "mpreg.cluster";

    public ClusterReport {
        Objects.requireNonNull(self, "self");
        members = members == null ? List.of() : List.copyOf(members);
        functions = functions == null ? List.of() : List.copyOf(functions);
    }
}
