package io.mpreg.server.cluster;

import java.util.List;

/**
 * One node of a process cluster.
 *
 * @param name      the node's name ({@code MPREG_NODE_NAME}), also its member id
 * @param resources its resource tags ({@code MPREG_NODE_RESOURCES})
 */
record NodeSpec(String name, List<String> resources) {

    NodeSpec {
        resources = List.copyOf(resources);
    }

    static NodeSpec of(String name, String... resources) {
        return new NodeSpec(name, List.of(resources));
    }
}
