package io.mpreg.admin.model;

import java.util.List;

/**
 * One function of a watched cluster's catalog.
 *
 * @param cluster    the watched cluster's name
 * @param name       the function's name
 * @param version    its version
 * @param resources  the resource tags it adds
 * @param idempotent whether a retry after an unknown outcome is safe
 * @param nodes      every member the catalog lists as offering it
 * @param liveNodes  those of them that are alive: when empty, nothing can run it
 */
public record FunctionView(String cluster, String name, String version, List<String> resources, boolean idempotent,
        List<String> nodes, List<String> liveNodes) {

    public FunctionView {
        resources = List.copyOf(resources);
        nodes = List.copyOf(nodes);
        liveNodes = List.copyOf(liveNodes);
    }
}
